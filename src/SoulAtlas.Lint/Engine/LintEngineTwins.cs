using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Engine;

public sealed partial class LintEngine
{
    private sealed partial class Run
    {
        /// <summary>
        /// The findings of each <see cref="Rule.ReadsOnlyItsDocument"/> rule for the first of a set of
        /// byte-identical records to be checked, by its set's first record and the rule's place in
        /// the rule set; null when they cannot be given to the others (see <see cref="KeepForTwins"/>).
        /// </summary>
        private readonly ConcurrentDictionary<(Unit Set, int Rule), List<Finding>?> _twinFindings = new();

        /// <summary>Index scans of records that may have twins, by their bytes' digest (see <see cref="ScanOnce"/>).</summary>
        private readonly ConcurrentDictionary<CacheDigest, (string Name, Corpus.ScanOutcome Outcome, Corpus.CorpusEntry? Entry)> _twinScans = new();

        /// <summary>
        /// Records of one file name and one length, which the site generator's two copies of a record
        /// are (in public/api and src/generated): their survey digests them whole to tell twins. Records
        /// of different names are not compared (a corpus of many records often shares a few lengths,
        /// and digesting them all cost more than the copies save).
        /// </summary>
        private static void MarkTwinCandidates(List<Unit> units, long maxFileBytes)
        {
            foreach (var group in units
                .Where(u => !u.IsSource && u.Record!.HasContent && u.Record.ReadError is null && u.Record.Length <= maxFileBytes)
                .GroupBy(u => (u.Record!.Length, Name: System.IO.Path.GetFileName(u.Path)))
                .Where(g => g.Skip(1).Any()))
            {
                foreach (var unit in group)
                {
                    unit.MayHaveTwin = true;
                }
            }
        }

        /// <summary>
        /// Records whose bytes are identical (the same SHA-256, taken as the survey read them): each
        /// record of a set points to the set's first in path order.
        /// </summary>
        private static void FindTwins(List<Unit> units)
        {
            var firstOf = new Dictionary<CacheDigest, Unit>();
            foreach (var unit in units)
            {
                if (unit.TwinDigest is not { } digest)
                {
                    continue;
                }

                if (firstOf.TryGetValue(digest, out var first))
                {
                    unit.Twin = first;
                    first.HasTwins = true;
                }
                else
                {
                    firstOf.Add(digest, unit);
                }
            }
        }

        /// <summary>
        /// <paramref name="finding"/> with every location in <paramref name="from"/> (its range, its
        /// fix's and suggestions' edits) moved to <paramref name="to"/>, which holds the same text.
        /// </summary>
        private static Finding MovedTo(Finding finding, SourceFile from, SourceFile to)
        {
            SourceRange Move(SourceRange range) => ReferenceEquals(range.File, from) ? range with { File = to } : range;
            IReadOnlyList<TextEdit> MoveEdits(IReadOnlyList<TextEdit> edits) => edits.Select(e => e with { Range = Move(e.Range) }).ToList();
            return finding with
            {
                Range = Move(finding.Range),
                Fix = finding.Fix is null ? null : MoveEdits(finding.Fix),
                Suggestions = finding.Suggestions?.Select(s => s with { Edits = MoveEdits(s.Edits) }).ToList(),
            };
        }

        /// <summary>The findings a byte-identical record's check of rule <paramref name="r"/> left, placed in <paramref name="file"/>; null when there are none to give.</summary>
        private List<Finding>? TwinFindings(Unit? unit, int r, SourceFile? file)
        {
            if (unit?.TwinSet is not { } set || file is null || !_twinFindings.TryGetValue((set, r), out var kept) || kept is null)
            {
                return null;
            }

            return kept.Select(f => f with { Range = new SourceRange(file, f.Range.Start, f.Range.End) }).ToList();
        }

        /// <summary>
        /// Keeps what rule <paramref name="r"/> found in <paramref name="unit"/> for the records
        /// byte-identical to it: only findings of that rule itself, in the document's own file, with
        /// no fix or suggestion to place, from a check that ran to its end.
        /// </summary>
        private void KeepForTwins(Unit? unit, int r, SourceFile? file, List<Finding> findings, int from, bool complete)
        {
            if (unit?.TwinSet is not { } set || file is null)
            {
                return;
            }

            var rule = RuleSet.DocumentRules[r].Descriptor;
            var found = findings.Skip(from).ToList();
            var givable = complete && found.All(f => ReferenceEquals(f.Rule, rule) && ReferenceEquals(f.Range.File, file) && f.Fix is null && f.Suggestions is null);
            _twinFindings.TryAdd((set, r), givable ? found : null);
        }
    }
}
