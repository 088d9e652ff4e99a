using System.Reflection;
using KooDrive.Emulator;
using KooDrive.Emulator.Faults;
using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;

namespace KooDrive.EndToEnd.Tests.Errors;

/// <summary>
/// Every fault the emulator can inject, against every operation of the public clients: each call ends in data
/// or in an exception of the SDK's documented contract, and no Polly type is ever reachable from what a caller
/// catches. Faults come from <see cref="EmulatorFaultKind"/> and operations from the client interfaces, so a new
/// fault kind or operation joins the matrix without editing it.
/// </summary>
public class FaultMatrixTests
{
    // Enough for every operation's every attempt while all of them run at once.
    private const int Persistent = 10_000;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromMilliseconds(300);

    [Theory]
    [InlineData(AuthMode.AppSignature)]
    [InlineData(AuthMode.Bearer)]
    public async Task No_fault_on_any_operation_lets_a_Polly_type_reach_the_caller(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode, options =>
        {
            options.Resilience.AttemptTimeout = AttemptTimeout;
            options.Resilience.TotalTimeout = TotalTimeout;
        });
        var operations = Operations(session).ToList();
        var failures = new List<string>();
        var calls = 0;
        foreach (var kind in Enum.GetValues<EmulatorFaultKind>())
        {
            // One fault kind at a time, every operation at once: a delay costs one total timeout, not one per operation.
            session.Emulator.Faults.Clear();
            session.Emulator.Faults.Inject(Fault(kind).Times(Persistent));
            var outcomes = await Task.WhenAll(operations.Select(async o => (o.Name, Outcome: await Record(o.Call))));
            calls += outcomes.Length;
            foreach (var (name, outcome) in outcomes)
            {
                if (Problem(kind, outcome) is { } problem)
                {
                    failures.Add($"{kind} × {name}: {problem}");
                }
            }
        }

        session.Emulator.Faults.Clear();
        Assert.True(calls >= Enum.GetValues<EmulatorFaultKind>().Length * 5, $"only {calls} calls were made");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>What is wrong with an outcome, or null when it is in the SDK's contract.</summary>
    private static string? Problem(EmulatorFaultKind kind, Exception? outcome)
    {
        for (var e = outcome; e is not null; e = e.InnerException)
        {
            if (e.GetType().Assembly.GetName().Name!.StartsWith("Polly", StringComparison.Ordinal))
            {
                return $"a Polly type reached the caller: {outcome}";
            }
        }

        // Retrying any fault can also outlast the total timeout: the same documented shape then.
        if (outcome is TaskCanceledException { InnerException: TimeoutException })
        {
            return null;
        }

        if (kind == EmulatorFaultKind.Delay)
        {
            // The delay outlasts every timeout: the call must end as HttpClient reports its own timeout.
            return outcome is TaskCanceledException { InnerException: TimeoutException }
                ? null
                : $"expected TaskCanceledException with a TimeoutException inside, got {outcome?.ToString() ?? "success"}";
        }

        return outcome switch
        {
            null or KooDriveApiException or HttpRequestException or ArgumentException => null,
            _ => $"an exception outside the documented contract: {outcome}",
        };
    }

    private static async Task<Exception?> Record(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>The fault of <paramref name="kind"/> made by its factory method, with a delay longer than any timeout here.</summary>
    private static EmulatorFault Fault(EmulatorFaultKind kind)
    {
        var factory = typeof(EmulatorFault).GetMethod(kind.ToString(), BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"EmulatorFault has no factory named {kind}.");
        var arguments = factory.GetParameters()
            .Select(p => p.ParameterType == typeof(TimeSpan) ? TimeSpan.FromSeconds(30) : p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"EmulatorFault.{kind} needs a value for {p.Name}."))
            .ToArray();
        return (EmulatorFault)factory.Invoke(null, arguments)!;
    }

    /// <summary>Every async method of the public client interfaces, with arguments taken from the seeded data.</summary>
    private static IEnumerable<(string Name, Func<Task> Call)> Operations(EmulatorSession session)
    {
        foreach (var (client, type) in new (object, Type)[] { (session.Backup, typeof(IBackupClient)), (session.Album, typeof(IAlbumClient)) })
        {
            foreach (var method in type.GetMethods().Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)))
            {
                var arguments = method.GetParameters().Select(p => Argument(session, p)).ToArray();
                yield return ($"{type.Name}.{method.Name}", () => (Task)method.Invoke(client, arguments)!);
            }
        }
    }

    private static object? Argument(EmulatorSession session, ParameterInfo parameter)
    {
        var seed = session.Seed;
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (parameter.ParameterType == typeof(string))
        {
            return parameter.Name switch
            {
                "recordId" => seed.BackupRecord.RecordId,
                "backupLockId" => seed.BackupLock.LockId,
                "albumId" => seed.Album.AlbumId,
                _ => seed.Device.DeviceId,
            };
        }

        if (parameter.ParameterType == typeof(DeleteBackupScopesRequest))
        {
            return DeleteBackupScopesRequest.Create(KooDriveId.Parse(seed.Scopes[0].ScopeId));
        }

        if (parameter.ParameterType == typeof(AddBackupScopesRequest))
        {
            return new AddBackupScopesRequest { ModuleCode = ModuleCode.FolderBackup, ScopeList = { new ScopeBaseInfo { LocalPath = "/matrix" } } };
        }

        if (parameter.ParameterType == typeof(DeleteAlbumContentsRequest))
        {
            return new DeleteAlbumContentsRequest { Ids = { seed.Album.ContentIds[0] } };
        }

        // An optional parameter keeps its default; an enum or a number takes its first valid value.
        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        if (parameter.ParameterType.IsEnum)
        {
            return Enum.GetValues(parameter.ParameterType).GetValue(0);
        }

        if (parameter.ParameterType == typeof(int))
        {
            return 1;
        }

        // Any other request: the spec's own example of that body, so the call passes validation and meets the fault.
        return RequestExamples.Value.TryGetValue(parameter.ParameterType.Name, out var json)
            ? Newtonsoft.Json.JsonConvert.DeserializeObject(json, parameter.ParameterType)
            : throw new InvalidOperationException($"spec/openapi.yaml has no request example for {parameter.ParameterType.Name}; add one to the operation's requestBody.");
    }

    /// <summary>The first example of every JSON request body in the spec, by the body's schema name.</summary>
    private static readonly Lazy<Dictionary<string, string>> RequestExamples = new(() =>
    {
        var settings = new Microsoft.OpenApi.Reader.OpenApiReaderSettings();
        settings.TryAddReader(Microsoft.OpenApi.OpenApiConstants.Yaml, new Microsoft.OpenApi.YamlReader.OpenApiYamlReader());
        using var stream = new MemoryStream(File.ReadAllBytes(RepoPaths.Spec));
        var document = Microsoft.OpenApi.OpenApiDocument.Load(stream, Microsoft.OpenApi.OpenApiConstants.Yaml, settings).Document!;
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.SelectMany(item => (item.Operations ?? []).Values))
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true
                && media.Schema is Microsoft.OpenApi.OpenApiSchemaReference reference
                && media.Examples?.Values.FirstOrDefault()?.Value is { } example)
            {
                examples.TryAdd(reference.Reference.Id!, example.ToJsonString());
            }
        }

        return examples;
    });
}
