using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Tests.Auth.Support;

/// <summary>An access token provider that hands out the next token of a sequence and counts the calls.</summary>
internal sealed class CountingTokenProvider(params string[] tokens) : IAccessTokenProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public List<Uri> Uris { get; } = [];

    public AllowedHostsValidator AllowedHostsValidator { get; set; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (Uris)
        {
            Uris.Add(uri);
        }

        return Task.FromResult(tokens[Math.Min(call, tokens.Length) - 1]);
    }
}
