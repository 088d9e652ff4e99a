using KooDrive.Generated.Observability;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Observability;

public class KooDriveOperationsTests
{
    [Fact]
    public void The_operation_table_lists_exactly_the_operations_of_the_spec()
    {
        var spec = SpecModel.Operations(SpecDocument.Document)
            .Select(o => $"{o.Operation.Tags!.Single().Name}Client.{o.Operation.OperationId} {o.Method.Method} {o.Path.TrimStart('/')}")
            .Order(StringComparer.Ordinal);

        var table = KooDriveOperations.All
            .Select(o => $"{o.DisplayName} {o.Method} {o.PathTemplate}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(spec, table);
    }

    [Fact]
    public void Each_operation_is_a_method_of_its_generated_client()
    {
        foreach (var operation in KooDriveOperations.All)
        {
            var client = typeof(BackupClient).Assembly.GetType("KooDrive.Generated." + operation.Client, throwOnError: true)!;
            Assert.NotNull(client.GetMethod(operation.Name + "Async"));
        }
    }

    [Theory]
    [InlineData("DELETE", "https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/device/d1/scope", "DeleteBackupScopes")]
    [InlineData("POST", "https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/device/d1/scope", "AddBackupScopes")]
    [InlineData("DELETE", "https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/device/d1", "UnbindDevice")]
    [InlineData("DELETE", "https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/record/r%40100", "DeleteBackupRecord")]
    [InlineData("DELETE", "https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/album-9/batchDelete", "DeleteAlbumContents")]
    [InlineData("DELETE", "https://gateway.example/proxy/koodrive/ose/v1/backup/device/d1?x=1", "UnbindDevice")]
    [InlineData("GET", "https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/device/d1", null)]
    [InlineData("DELETE", "https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/device", null)]
    [InlineData("DELETE", "https://intl.myhuaweicloud-koodrive.com/other/path", null)]
    public void A_request_is_recognised_by_method_and_path_template(string method, string uri, string? expected)
    {
        Assert.Equal(expected, KooDriveOperations.Find(new HttpMethod(method), new Uri(uri))?.Name);
    }
}
