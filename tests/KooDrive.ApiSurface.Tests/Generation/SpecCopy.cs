using YamlDotNet.RepresentationModel;

namespace KooDrive.ApiSurface.Tests.Generation;

/// <summary>
/// An editable copy of an OpenAPI YAML document, saved to a temporary file for generation. Edits address
/// nodes by key path, so they keep working while descriptions and examples in the spec change.
/// </summary>
internal sealed class SpecCopy : IDisposable
{
    private readonly YamlStream _yaml = [];
    private readonly List<string> _files = [];

    private SpecCopy(string path)
    {
        using var reader = File.OpenText(path);
        _yaml.Load(reader);
    }

    public static SpecCopy Of(string path) => new(path);

    public YamlMappingNode Map(params string[] path)
    {
        var node = (YamlMappingNode)_yaml.Documents[0].RootNode;
        foreach (var key in path)
        {
            Assert.True(node.Children.ContainsKey(key), $"The spec has no '{string.Join("/", path)}' (stopped at '{key}'); update this test's edit.");
            node = (YamlMappingNode)node.Children[key];
        }

        return node;
    }

    public void Remove(string key, params string[] parentPath) =>
        Assert.True(Map(parentPath).Children.Remove(key), $"The spec has no '{string.Join("/", parentPath)}/{key}' to remove.");

    public string Save()
    {
        var path = Path.Combine(Path.GetTempPath(), $"koodrive-spec-{Guid.NewGuid():N}.yaml");
        using (var writer = File.CreateText(path))
        {
            _yaml.Save(writer, assignAnchors: false);
        }

        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
