using System.Globalization;
using System.Text;

namespace KooDrive.Generated.Benchmarks.Harness;

/// <summary>How the server writes the IDs in its answer.</summary>
public enum IdForm
{
    /// <summary>JSON strings of digits, as the spec asks.</summary>
    Strings,

    /// <summary>JSON numbers, 19-digit values among them, as some gateways send them.</summary>
    Numbers,
}

/// <summary>Where a call goes.</summary>
public enum Transport
{
    /// <summary>An in-process Kestrel server on 127.0.0.1: real sockets and HTTP/1.1 parsing.</summary>
    Loopback,

    /// <summary>A handler that answers from memory: only what the client itself costs.</summary>
    InMemory,
}

/// <summary>
/// The compared call: delete 100 scope IDs; the answer deletes 50 of them and lists 50 failures, in the shape of
/// the documented delete-scopes response.
/// </summary>
public static class ScopeDeletePayloads
{
    /// <summary>The device every call names.</summary>
    public const string DeviceId = "1842812272691451648";

    /// <summary>The user every call names (<c>X-User-Id</c>).</summary>
    public const string UserId = "1505084218764547200";

    /// <summary>The token every token-mode call sends.</summary>
    public const string AccessToken = "benchmark-token";

    /// <summary>IDs per call: the operation's limit.</summary>
    public const int IdsPerCall = 100;

    /// <summary>The operation's path, relative to the base address.</summary>
    public const string RelativePath = "koodrive/ose/v1/backup/device/" + DeviceId + "/scope";

    /// <summary>The 100 IDs of one call: mostly 19-digit values above 2^53, and every tenth a short one.</summary>
    public static string[] Ids(int count = IdsPerCall, int offset = 0) =>
        [.. Enumerable.Range(offset, count).Select(i => i % 10 == 0
            ? (100 + i).ToString(CultureInfo.InvariantCulture)
            : (1842846715527366528L + (i * 7919L)).ToString(CultureInfo.InvariantCulture))];

    /// <summary>
    /// The answer to any 100-ID call: the first 50 IDs deleted, the other 50 failed (the server does not parse
    /// the request, so every call of a bulk run gets the same answer and every variant does the same work).
    /// </summary>
    public static byte[] Answer(IdForm form)
    {
        var ids = Ids();
        string Id(string id) => form == IdForm.Strings ? $"\"{id}\"" : id;
        var json = new StringBuilder("{\"scopeIdList\":[");
        json.AppendJoin(',', ids.Take(IdsPerCall / 2).Select(Id));
        json.Append("],\"failedScopeList\":[");
        json.AppendJoin(',', ids.Skip(IdsPerCall / 2).Select(id =>
            $"{{\"scopeId\":{Id(id)},\"errorCode\":\"15000418\",\"msg\":\"The backup scope does not exist.\"}}"));
        json.Append("],\"code\":0,\"msg\":\"success\"}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
