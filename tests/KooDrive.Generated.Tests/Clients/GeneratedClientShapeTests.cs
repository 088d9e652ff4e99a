using System.Reflection;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Clients;

/// <summary>The compiled package exposes one method per spec operation, with the documented parameters.</summary>
public class GeneratedClientShapeTests
{
    private static readonly Assembly Package = typeof(BackupClient).Assembly;

    [Theory]
    [InlineData(typeof(IBackupClient), "AddBackupScopesAsync", "String deviceId, AddBackupScopesRequest request, CancellationToken cancellationToken", typeof(AddBackupScopesResponse))]
    [InlineData(typeof(IBackupClient), "DeleteBackupScopesAsync", "String deviceId, DeleteBackupScopesRequest request, CancellationToken cancellationToken", typeof(DeleteBackupScopesResponse))]
    [InlineData(typeof(IBackupClient), "DeleteBackupRecordAsync", "String recordId, String backupLockId, CancellationToken cancellationToken", typeof(KooDriveResult))]
    [InlineData(typeof(IBackupClient), "UnbindDeviceAsync", "String deviceId, CancellationToken cancellationToken", typeof(UnbindDeviceResponse))]
    [InlineData(typeof(IAlbumClient), "DeleteAlbumContentsAsync", "String albumId, DeleteAlbumContentsRequest request, CancellationToken cancellationToken", typeof(KooDriveResult))]
    public void Each_operation_is_one_method_with_the_expected_parameters(Type client, string name, string parameters, Type result)
    {
        var method = Assert.Single(client.GetMethods(), m => m.Name == name);

        Assert.Equal(parameters, string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}")));
        Assert.Equal(typeof(Task<>).MakeGenericType(result), method.ReturnType);
        var token = method.GetParameters()[^1];
        Assert.True(token.HasDefaultValue, "the CancellationToken is optional");
    }

    [Fact]
    public void Clients_have_exactly_one_method_per_spec_operation()
    {
        var methods = new[] { typeof(IBackupClient), typeof(IAlbumClient) }
            .SelectMany(t => t.GetMethods().Select(m => m.Name))
            .Order(StringComparer.Ordinal);

        Assert.Equal(SpecModel.Operations(SpecDocument.Document).Select(o => o.Operation.OperationId + "Async").Order(StringComparer.Ordinal), methods);
    }

    [Fact]
    public void Clients_take_an_injected_HttpClient_and_no_base_url()
    {
        foreach (var client in new[] { typeof(BackupClient), typeof(AlbumClient) })
        {
            var ctor = Assert.Single(client.GetConstructors());
            Assert.Equal([typeof(HttpClient)], ctor.GetParameters().Select(p => p.ParameterType));
            Assert.Contains(client.GetInterfaces(), i => i.Name == "I" + client.Name);
            Assert.False(typeof(IDisposable).IsAssignableFrom(client), "an injected HttpClient is never disposed by the client");
        }
    }

    [Fact]
    public void Security_headers_are_not_method_parameters()
    {
        var parameterNames = Package.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.Name!.ToUpperInvariant())
            .ToHashSet();

        Assert.DoesNotContain("AUTHORIZATION", parameterNames);
        Assert.DoesNotContain("X_USER_ID", parameterNames);
        Assert.DoesNotContain("X_DATE", parameterNames);
        Assert.DoesNotContain("X_TRACEID", parameterNames);
        Assert.DoesNotContain("LANGUAGE", parameterNames);
    }

    [Fact]
    public void Module_code_is_a_typed_enum_with_documented_wire_values()
    {
        Assert.Equal(["FolderBackup", "AlbumBackup", "AddressBookBackup"], Enum.GetNames<ModuleCode>());
        var wire = typeof(ModuleCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<System.Runtime.Serialization.EnumMemberAttribute>()!.Value);
        Assert.Equal(["100", "101", "102"], wire);
    }

    [Fact]
    public void Response_models_share_the_envelope()
    {
        Assert.All(
            new[] { typeof(AddBackupScopesResponse), typeof(DeleteBackupScopesResponse), typeof(UnbindDeviceResponse) },
            t => Assert.Equal(typeof(KooDriveResult), t.BaseType));
    }

    [Fact]
    public void The_named_exception_type_is_generated()
    {
        Assert.True(typeof(Exception).IsAssignableFrom(typeof(KooDriveApiException)));
    }
}
