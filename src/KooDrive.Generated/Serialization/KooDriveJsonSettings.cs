using Newtonsoft.Json;

namespace KooDrive.Generated.Serialization;

/// <summary>The serializer settings of the generated clients (applied in <c>UpdateJsonSerializerSettings</c>).</summary>
internal static class KooDriveJsonSettings
{
    public static void Apply(JsonSerializerSettings settings)
    {
        settings.ContractResolver = KooDriveContractResolver.Instance;

        // Strings stay strings (createTime round-trips unchanged), and a number kept in extension data is
        // held as decimal rather than double.
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Decimal;

        // A tolerant reader: unknown members land in AdditionalProperties, '$'-names are ordinary members.
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
        settings.TypeNameHandling = TypeNameHandling.None;
    }

    public static JsonSerializerSettings Create()
    {
        var settings = new JsonSerializerSettings();
        Apply(settings);
        return settings;
    }
}
