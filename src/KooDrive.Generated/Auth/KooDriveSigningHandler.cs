using System.Globalization;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Signs each request with a KooDrive app credential (app-based authentication) and sets
/// <c>Authorization: HMAC-SHA256 AppId=…,SignedHeaders=host;x-date;x-user-id,Signature=…</c>.
/// Place it inside (after) <see cref="KooDriveHeadersHandler"/>, which sets the <c>X-Date</c> and
/// <c>X-User-Id</c> values signed here, and outside any retry-free transport.
/// </summary>
/// <remarks>
/// <para>
/// Signed headers: <c>host</c> (the value the server receives: the request's explicit <c>Host</c> header,
/// or the URI's host with its port when it is not the scheme's default), <c>x-date</c> and <c>x-user-id</c>.
/// The body is buffered once and the buffered bytes are both hashed and sent, so the signature always
/// covers exactly the bytes on the wire.
/// </para>
/// <para>
/// Any <c>Authorization</c> already on the request is removed. A request the
/// <see cref="KooDriveCredentialPolicy"/> does not allow (another host, or plain HTTP off loopback) is not
/// sent: it fails with an <see cref="InvalidOperationException"/> naming the host and the setting that allows
/// it, because an unsigned request could only be refused.
/// </para>
/// </remarks>
public sealed class KooDriveSigningHandler : DelegatingHandler
{
    private readonly KooDriveRequestSigner _signer;
    private readonly KooDriveCredentialPolicy _policy;

    /// <summary>Creates the handler.</summary>
    /// <param name="credential">The AppId and AppSecret.</param>
    /// <param name="policy">Where credentials may be sent.</param>
    public KooDriveSigningHandler(KooDriveAppCredential credential, KooDriveCredentialPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(policy);
        _signer = new KooDriveRequestSigner(credential);
        _policy = policy;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = null;
        if (!_policy.AllowsCredentialsFor(request.RequestUri))
        {
            throw CredentialWithheld.ByPolicy(request.RequestUri, "signature");
        }

        var uri = request.RequestUri!;
        var xDate = SingleHeaderValue(request, KooDriveHeaderNames.Date);
        var userId = SingleHeaderValue(request, KooDriveHeaderNames.UserId);
        var payload = Array.Empty<byte>();
        if (request.Content is not null)
        {
            // Buffer first: a buffered content serialises from its buffer, so the hashed bytes are the sent bytes.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            payload = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var signature = _signer.Sign(
            request.Method.Method,
            uri,
            [
                new("host", request.Headers.Host ?? GetHostHeaderValue(uri)),
                new("x-date", xDate),
                new("x-user-id", userId),
            ],
            payload);
        request.Headers.TryAddWithoutValidation(KooDriveHeaderNames.Authorization, signature.AuthorizationHeaderValue);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>Host</c> header HttpClient sends for <paramref name="uri"/>: IDN host, IPv6 in brackets, port unless default.</summary>
    internal static string GetHostHeaderValue(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost + "]" : uri.IdnHost;
        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    private static string SingleHeaderValue(HttpRequestMessage request, string name)
    {
        if (request.Headers.NonValidated.TryGetValues(name, out var values) && values.Count == 1)
        {
            return values.ToString();
        }

        throw new InvalidOperationException(
            $"The request must carry exactly one '{name}' header before it is signed. Place KooDriveHeadersHandler outside (before) KooDriveSigningHandler in the handler chain.");
    }
}
