using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Monitro.Docs.Tests;

/// <summary>
/// The packed packages as a consumer gets them: every whole-program snippet of the README and docs compiles in a
/// fresh consumer project against them and the host-less one runs on the quick start's bundled data; every
/// package carries what a package page shows. Packed once for both.
/// </summary>
public sealed class PackedPackageTests(PackedPackagesFixture packages, ITestOutputHelper output) : IClassFixture<PackedPackagesFixture>
{
    // A ready-to-run image for Linux marks its machine as x64 combined with the operating system's value.
    private const ushort LinuxX64ReadyToRunMachine = 0x8664 ^ 0x7B79;

    [Fact]
    public async Task Every_program_snippet_compiles_against_the_packed_packages_and_the_hostless_one_runs_on_the_bundled_data()
    {
        var snippets = Repository.Documents().SelectMany(MarkdownSnippets.Read)
            .Where(s => s.Kind is SnippetKind.Compile or SnippetKind.Run)
            .ToList();
        var scratch = packages.Scratch;
        output.WriteLine($"Monitro {packages.Version} from {packages.Folder}; {snippets.Count} snippets");
        var workspace = ConsumerWorkspace.Create(Path.Combine(scratch, "consumer"), packages.Folder, packages.Version);
        foreach (var snippet in snippets)
        {
            workspace.Add(snippet);
        }

        workspace.WriteSolution(snippets);
        var (buildExit, buildOutput) = await DotnetCli.RunAsync(scratch, TimeSpan.FromMinutes(25), "build", workspace.Solution, "-nodeReuse:false");
        Assert.True(buildExit == 0, $"A documentation snippet does not compile (each project is named after its document and line):\n{buildOutput}");

        foreach (var snippet in snippets.Where(s => s.Kind == SnippetKind.Run))
        {
            var data = Path.Combine(scratch, "run-" + snippet.ProjectName);
            Directory.CreateDirectory(data);
            File.Copy(Repository.File("samples/Monitro.Samples.QuickStart/Data/posts.jsonl"), Path.Combine(data, "posts.jsonl"));
            var (runExit, runOutput) = await DotnetCli.RunAsync(data, TimeSpan.FromMinutes(10), workspace.ProgramOf(snippet));
            output.WriteLine($"{snippet}: exit {runExit}, {runOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} lines");
            Assert.True(runExit == 0, $"{snippet} failed on the bundled data:\n{runOutput}");
            Assert.False(string.IsNullOrWhiteSpace(runOutput), $"{snippet} printed nothing on the bundled data.");
        }
    }

    [Fact]
    public void Every_package_carries_its_readme_icon_project_address_and_release_notes()
    {
        foreach (var id in PackedPackages.Ids)
        {
            using var package = ZipFile.OpenRead(Path.Combine(packages.Folder, $"{id}.{packages.Version}.nupkg"));
            var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
            string Value(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

            Assert.Equal("https://github.com/monitro/monitro", Value("projectUrl"));
            Assert.Equal("icon.png", Value("icon"));
            Assert.Equal("README.md", Value("readme"));
            Assert.StartsWith("## " + packages.Version.Split('-')[0], Value("releaseNotes"), StringComparison.Ordinal);
            Assert.NotNull(package.GetEntry("icon.png"));
            using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
            Assert.Equal(File.ReadAllText(Repository.File(Repository.PackageReadme)), readme.ReadToEnd());
        }
    }

    [Fact]
    public void Every_package_built_with_ready_to_run_code_carries_it_for_linux_x64_beside_its_IL()
    {
        // Release builds on a linux-x64 host precompile the projects that ask for it (src/Directory.Build.targets).
        if (PackedPackages.Configuration != "Release" || !OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            output.WriteLine($"Not checked: the packages come from a {PackedPackages.Configuration} build on {RuntimeInformation.RuntimeIdentifier}; only Release builds on linux-x64 carry ready-to-run code.");
            return;
        }

        var precompiled = PackedPackages.Ids
            .Where(id => File.ReadAllText(Repository.File($"src/{id}/{id}.csproj")).Contains("<MonitroReadyToRun>true</MonitroReadyToRun>", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("Monitro", precompiled);
        foreach (var id in precompiled)
        {
            using var package = ZipFile.OpenRead(Path.Combine(packages.Folder, $"{id}.{packages.Version}.nupkg"));
            using var assembly = new MemoryStream();
            using (var entry = package.GetEntry($"lib/net10.0/{id}.dll")!.Open())
            {
                entry.CopyTo(assembly);
            }

            assembly.Position = 0;
            using var image = new PEReader(assembly);
            Assert.True(image.HasMetadata, $"{id}.dll lost its metadata");
            Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{id}.dll carries no ready-to-run code");
            Assert.Equal(LinuxX64ReadyToRunMachine, (ushort)image.PEHeaders.CoffHeader.Machine);
            output.WriteLine($"{id}.dll: ready-to-run code for linux-x64, {assembly.Length:N0} bytes");
        }
    }
}
