using System.Net;
using System.Text.Json.Nodes;

namespace KooDrive.Emulator.Tests.Support;

/// <summary>A response read in full: status, headers, raw body text, and the body as JSON.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, HttpResponseMessage Message, string Text)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("The body is JSON null.");

    public int Code => Json["code"]!.GetValue<int>();

    public string Msg => Json["msg"]!.GetValue<string>();

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage message) =>
        new(message.StatusCode, message, await message.Content.ReadAsStringAsync());
}
