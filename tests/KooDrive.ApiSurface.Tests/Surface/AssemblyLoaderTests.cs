using KooDrive.ApiSurface.Generation;
using KooDrive.ApiSurface.Surface;

namespace KooDrive.ApiSurface.Tests.Surface;

public sealed class AssemblyLoaderTests : IDisposable
{
    private const string UsesNewtonsoft = """
        #pragma warning disable CS1591
        namespace Lib { public class Holder { public Newtonsoft.Json.JsonSerializerSettings Settings { get; } = new(); } }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("koodrive-loader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Dependencies_are_read_from_the_assembly_folder()
    {
        var dll = WriteLibrary();
        File.Copy(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location, Path.Combine(_folder, "Newtonsoft.Json.dll"));

        var surface = PublicApiPrinter.Print(AssemblyLoader.LoadFile(dll));

        Assert.Contains("Lib.Holder.Settings: public Newtonsoft.Json.JsonSerializerSettings { get; }", surface);
    }

    [Fact]
    public void A_library_build_output_finds_its_packages_through_its_deps_json()
    {
        // A class library's bin folder has no copies of its packages, only a .deps.json naming them.
        var dll = WriteLibrary();
        var packages = Directory.CreateDirectory(Path.Combine(_folder, "packages", "newtonsoft.json", "13.0.4", "lib", "net6.0")).FullName;
        File.Copy(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location, Path.Combine(packages, "Newtonsoft.Json.dll"));
        File.WriteAllText(Path.ChangeExtension(dll, ".deps.json"), """
            {
              "targets": { ".NETCoreApp,Version=v10.0": {
                "Lib/1.0.0": { "dependencies": { "Newtonsoft.Json": "13.0.4" }, "runtime": { "Lib.dll": {} } },
                "Newtonsoft.Json/13.0.4": { "runtime": { "lib/net6.0/Newtonsoft.Json.dll": {} } } } },
              "libraries": {
                "Lib/1.0.0": { "type": "project" },
                "Newtonsoft.Json/13.0.4": { "type": "package", "path": "newtonsoft.json/13.0.4" } }
            }
            """);

        var surface = PublicApiPrinter.Print(AssemblyLoader.LoadFile(dll, Path.Combine(_folder, "packages")));

        Assert.Contains("Lib.Holder.Settings: public Newtonsoft.Json.JsonSerializerSettings { get; }", surface);
    }

    [Fact]
    public void A_missing_dependency_is_named_instead_of_printing_error_types()
    {
        var dll = WriteLibrary();

        var error = Assert.Throws<InvalidOperationException>(() => AssemblyLoader.LoadFile(dll, Path.Combine(_folder, "no-packages")));

        Assert.Contains("Newtonsoft.Json", error.Message, StringComparison.Ordinal);
    }

    private string WriteLibrary()
    {
        var compilation = ClientCompiler.Compile(UsesNewtonsoft, "Lib", "Lib.cs");
        Assert.True(compilation.Image is not null, compilation.DescribeDiagnostics());
        var path = Path.Combine(_folder, "Lib.dll");
        File.WriteAllBytes(path, compilation.Image);
        return path;
    }
}
