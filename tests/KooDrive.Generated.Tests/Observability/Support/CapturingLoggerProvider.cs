using Microsoft.Extensions.Logging;

namespace KooDrive.Generated.Tests.Observability.Support;

/// <summary>One log entry as written: category, level, event, the formatted text, its arguments and any exception.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
{
    public object? this[string name] => State.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>Everything this entry would put in a log sink, for "never contains" checks.</summary>
    public string AllText => string.Join("\n", new[] { Message, Exception?.ToString() ?? string.Empty }.Concat(State.Select(p => p.Key + "=" + p.Value)));
}

/// <summary>An <see cref="ILoggerProvider"/> that keeps every entry of every level in memory.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<CapturedLog> _entries = [];

    public IReadOnlyList<CapturedLog> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(CapturedLog entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var pairs = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.Add(new CapturedLog(category, logLevel, eventId, formatter(state, exception), [.. pairs], exception));
        }
    }
}
