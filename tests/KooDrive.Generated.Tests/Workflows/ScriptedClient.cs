using System.Collections.Concurrent;
using System.Reflection;
using System.Threading.Channels;

namespace KooDrive.Generated.Tests.Workflows;

/// <summary>
/// A test double of a generated client interface (<see cref="IBackupClient"/>, <see cref="IAlbumClient"/>): each
/// method a test scripts answers as scripted, every call is recorded and can be awaited, and any other method
/// fails the test. The workflow helpers take the interface, so they run against it exactly as against the real client.
/// </summary>
public class ScriptedClient : DispatchProxy
{
    private readonly ConcurrentDictionary<string, Func<object?[], CancellationToken, Task>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ScriptedCall> _calls = new();
    private readonly Channel<ScriptedCall> _arrivals = Channel.CreateUnbounded<ScriptedCall>();

    public IReadOnlyCollection<ScriptedCall> Calls => _calls;

    public static (TClient Client, ScriptedClient Script) Create<TClient>()
        where TClient : class
    {
        var client = DispatchProxy.Create<TClient, ScriptedClient>();
        return (client, (ScriptedClient)(object)client);
    }

    /// <summary>Scripts <paramref name="method"/> (its C# name, e.g. <c>RenewBackupLockAsync</c>).</summary>
    public void On<TResult>(string method, Func<object?[], CancellationToken, Task<TResult>> answer) => _answers[method] = answer;

    public int Count(string method) => _calls.Count(c => c.Method == method);

    /// <summary>The next call of <paramref name="method"/> not yet taken, waiting for it if need be.</summary>
    public async Task<ScriptedCall> NextAsync(string method)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var call = await _arrivals.Reader.ReadAsync(timeout.Token);
            if (call.Method == method)
            {
                return call;
            }
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        args ??= [];
        var call = new ScriptedCall(targetMethod.Name, args);
        _calls.Enqueue(call);
        _arrivals.Writer.TryWrite(call);
        var token = args.OfType<CancellationToken>().LastOrDefault();
        return _answers.TryGetValue(targetMethod.Name, out var answer)
            ? answer(args, token)
            : throw new NotSupportedException($"The test did not script {targetMethod.Name}.");
    }
}

public sealed record ScriptedCall(string Method, object?[] Args);
