using Newtonsoft.Json;

namespace KooDrive.Generated.Benchmarks.Harness;

/// <summary>
/// Refit's content serializer over Newtonsoft.Json, written by hand because Refit.Newtonsoft.Json is not on the
/// package feed: serialize to a string, read the body as a string, Newtonsoft's default settings.
/// </summary>
public sealed class NewtonsoftContentSerializer : Refit.IHttpContentSerializer
{
    private static readonly System.Net.Http.Headers.MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <inheritdoc />
    public HttpContent ToHttpContent<T>(T item)
    {
        var content = new StringContent(JsonConvert.SerializeObject(item), System.Text.Encoding.UTF8);
        content.Headers.ContentType = Json;
        return content;
    }

    /// <inheritdoc />
    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        JsonConvert.DeserializeObject<T>(await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public string? GetFieldNameForProperty(System.Reflection.PropertyInfo propertyInfo) =>
        propertyInfo.GetCustomAttributes(typeof(JsonPropertyAttribute), inherit: true) is [JsonPropertyAttribute { PropertyName: { } name }, ..] ? name : null;
}

/// <summary>The Refit interface a Refit user writes for the call.</summary>
public interface IScopeApi
{
    /// <summary>Deletes scopes.</summary>
    /// <param name="deviceId">The device.</param>
    /// <param name="request">The IDs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    [Refit.Delete("/koodrive/ose/v1/backup/device/{deviceId}/scope")]
    Task<HandDeleteResponse> DeleteScopesAsync(string deviceId, [Refit.Body] HandDeleteRequest request, CancellationToken cancellationToken = default);
}
