using System.Globalization;
using System.Text.Json.Nodes;

namespace KooDrive.Emulator.Api;

/// <summary>Response-shaping faults: the wire forms a tolerant reader must survive.</summary>
internal static class JsonShaping
{
    private static readonly HashSet<string> IdProperties = new(StringComparer.Ordinal) { "scopeId", "deviceId", "recordId", "albumId" };

    /// <summary>Rewrites every ID string of digits as a JSON number with exactly the same digits.</summary>
    public static void IdsAsNumbers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[name];
                    if (IdProperties.Contains(name) && TryNumber(value, out var number))
                    {
                        obj[name] = number;
                    }
                    else if (name == "scopeIdList" && value is JsonArray ids)
                    {
                        for (var i = 0; i < ids.Count; i++)
                        {
                            if (TryNumber(ids[i], out var item))
                            {
                                ids[i] = item;
                            }
                        }
                    }
                    else
                    {
                        IdsAsNumbers(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    IdsAsNumbers(item);
                }

                break;
        }
    }

    /// <summary>Replaces the <c>failedScopeList</c> array by its first entry (or <c>null</c>), the shape the delete-scopes table documents.</summary>
    public static void FailedScopeListAsObject(JsonNode? node)
    {
        if (node is JsonObject obj && obj["failedScopeList"] is JsonArray list)
        {
            obj["failedScopeList"] = list.Count > 0 ? list[0]!.DeepClone() : null;
        }
    }

    private static bool TryNumber(JsonNode? value, out JsonNode? number)
    {
        number = null;
        if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text)
            && text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0'))
        {
            // ulong holds every 19-digit value, and writes back exactly the digits read.
            number = JsonValue.Create(ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }
}
