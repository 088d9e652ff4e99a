using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace KooDrive.Generated.Tests.Packaging.Support;

/// <summary>What a packed assembly file is: its identity, the PDB it points to, and whether it carries precompiled code.</summary>
internal sealed record AssemblyImage(Guid Mvid, Version Version, Machine Machine, bool IsReadyToRun, CodeViewDebugDirectoryData CodeView)
{
    public static AssemblyImage Read(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
        return new AssemblyImage(
            metadata.GetGuid(metadata.GetModuleDefinition().Mvid),
            metadata.GetAssemblyDefinition().Version,
            pe.PEHeaders.CoffHeader.Machine,
            // A ReadyToRun image records where its native code's header is; an IL-only assembly has no such directory.
            pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0,
            pe.ReadCodeViewDebugDirectoryData(codeView));
    }

    /// <summary>
    /// The PE machine a ReadyToRun image for <paramref name="rid"/> declares: the architecture's machine, XOR-ed with
    /// the runtime's per-OS value for non-Windows targets (so that Windows never loads a Linux or macOS image as
    /// native code).
    /// </summary>
    public static Machine MachineFor(string rid)
    {
        var architecture = rid[(rid.LastIndexOf('-') + 1)..] switch
        {
            "x64" => (ushort)Machine.Amd64,
            "arm64" => (ushort)Machine.Arm64,
            var other => throw new ArgumentException($"No machine known for the architecture '{other}'.", nameof(rid)),
        };
        ushort os = rid[..rid.IndexOf('-', StringComparison.Ordinal)] switch
        {
            "win" => 0,
            "linux" => 0x7B79,
            "osx" => 0x4644,
            var other => throw new ArgumentException($"No machine known for the OS '{other}'.", nameof(rid)),
        };
        return (Machine)(architecture ^ os);
    }
}
