using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Analyzers;

/// <summary>
/// soul-lint's diagnostics on a project's occupation content (its AdditionalFiles), through the
/// compiler: in the IDE as files change, and in every build.
/// </summary>
/// <remarks>
/// One corpus per compilation: every additional file is part of it, so cross-document rules
/// (links, backlinks, duplicates) see them all; the corpus is linted once, on the first file the
/// host asks about, and each file's diagnostics are reported from the additional-file action,
/// which the IDE runs live (compilation-end actions run only in builds there).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SoulLintAnalyzer : DiagnosticAnalyzer
{
    // The host keeps an analyzer instance across compilations: the engine's caches (compiled
    // schemas, each unchanged document's index entry) and the documents made from unchanged
    // additional files live as long as it does, so an edit re-reads only the edited file.
    private readonly LintEngine _engine = new();
    private readonly ConditionalWeakTable<AdditionalText, ContentFile> _documents = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SoulLintDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var corpus = CompilationCorpus.Create(start.Compilation, start.Options, _engine, _documents, start.CancellationToken);
            if (corpus is not null)
            {
                start.RegisterAdditionalFileAction(corpus.Report);
            }
        });
    }
}
