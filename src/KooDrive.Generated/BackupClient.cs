using System.Text;
using KooDrive.Generated.Errors;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated;

// The generated BackupClient's hooks (generator/README.md, "Errors, IDs and validation"): exact IDs and a
// tolerant reader in the serializer settings, typed errors after receiving. Validation and the operation
// each request carries are generated from the spec (generator/KooDrive.CodeGen).
/// <summary>
/// The KooDrive operations on backup devices, backup scopes and backup records, generated from <c>spec/openapi.yaml</c>.
/// </summary>
/// <remarks>
/// Requests are validated against the spec before anything is sent (<see cref="KooDriveValidationException"/>);
/// every failure the service reports arrives as a <see cref="KooDriveApiException"/> subclass; IDs are read
/// exactly whether the service sends them as JSON strings or numbers.
/// </remarks>
public partial class BackupClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) => KooDriveJsonSettings.Apply(settings);

    private static Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private static Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private static Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken) =>
        ResponseExceptionMap.ThrowIfFailedAsync(response, cancellationToken);
}
