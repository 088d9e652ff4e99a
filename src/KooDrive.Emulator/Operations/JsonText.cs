using System.Text.Json;

namespace KooDrive.Emulator.Operations;

/// <summary>The record operations' <c>properties</c>: "Constraints: JSON format", a JSON text inside a string.</summary>
internal static class JsonText
{
    public static bool IsValidOrAbsent(string? text)
    {
        if (text is null)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
