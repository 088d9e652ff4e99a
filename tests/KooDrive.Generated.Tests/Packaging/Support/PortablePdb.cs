using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;

namespace KooDrive.Generated.Tests.Packaging.Support;

/// <summary>Reads what a portable PDB says about its source files: names, embedded text and the SourceLink map.</summary>
internal sealed class PortablePdb
{
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private PortablePdb(IReadOnlyDictionary<string, string?> documents, string? sourceLink)
    {
        Documents = documents;
        SourceLink = sourceLink;
    }

    /// <summary>Every document path, with its embedded text (null when not embedded).</summary>
    public IReadOnlyDictionary<string, string?> Documents { get; }

    /// <summary>The SourceLink JSON, or null when the PDB has none.</summary>
    public string? SourceLink { get; }

    public static PortablePdb Read(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        var documents = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var handle in reader.Documents)
        {
            var document = reader.GetDocument(handle);
            documents[reader.GetString(document.Name)] = EmbeddedText(reader, handle);
        }

        string? sourceLink = null;
        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var info = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(info.Kind) == SourceLinkKind)
            {
                sourceLink = Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value));
            }
        }

        return new PortablePdb(documents, sourceLink);
    }

    private static string? EmbeddedText(MetadataReader reader, DocumentHandle document)
    {
        foreach (var handle in reader.GetCustomDebugInformation(document))
        {
            var info = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(info.Kind) != EmbeddedSourceKind)
            {
                continue;
            }

            // Format: int32 uncompressed size (0 = stored as is), then the bytes, deflated when the size is not 0.
            var blob = reader.GetBlobBytes(info.Value);
            var size = BitConverter.ToInt32(blob, 0);
            if (size == 0)
            {
                return Encoding.UTF8.GetString(blob, 4, blob.Length - 4);
            }

            using var inflated = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress);
            using var text = new MemoryStream();
            inflated.CopyTo(text);
            return Encoding.UTF8.GetString(text.ToArray());
        }

        return null;
    }
}
