namespace KooDrive.Generated.Auth;

/// <summary>The documented KooDrive service hosts ("Endpoints" page of the KooDrive API reference).</summary>
public static class KooDriveHosts
{
    /// <summary>International site (AP-Singapore).</summary>
    public const string International = "intl.myhuaweicloud-koodrive.com";

    /// <summary>Chinese mainland site (CN North-Beijing4).</summary>
    public const string ChineseMainland = "cn.myhuaweicloud-koodrive.com";

    /// <summary>Both documented hosts: where credentials may go unless configured otherwise.</summary>
    public static IReadOnlyList<string> Default { get; } = [International, ChineseMainland];
}
