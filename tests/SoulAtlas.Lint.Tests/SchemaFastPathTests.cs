using System;
using System.IO;
using System.Linq;
using CsCheck;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Rules.Structure;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The compiled fast path may only ever say "certainly valid" when NJsonSchema agrees. Random
/// mutations of valid documents (values retyped, properties removed or added, items repeated)
/// check that, and valid documents check that the fast path is actually taken.
/// </summary>
public sealed class SchemaFastPathTests
{
    private static readonly JObject Record = JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", "port-engineer.json")));

    private static readonly Gen<JToken> Values = Gen.OneOf(
        Gen.String.Select(s => (JToken)new JValue(s)),
        Gen.Const((JToken)new JValue("2026-13-45")),
        Gen.Const((JToken)new JValue("Government")),
        Gen.Const((JToken)new JValue("river-warden")),
        Gen.Const((JToken)new JValue("not a slug!")),
        Gen.Const((JToken)new JValue("https://example.org/x")),
        Gen.Const((JToken)new JValue("")),
        Gen.Int[-3, 400].Select(i => (JToken)new JValue(i)),
        Gen.Double[-1, 2].Select(d => (JToken)new JValue(d)),
        Gen.Bool.Select(b => (JToken)new JValue(b)),
        Gen.Const((JToken)JValue.CreateNull()),
        Gen.Const((JToken)new JArray()),
        Gen.Const((JToken)new JArray("a", "a")),
        Gen.Const((JToken)new JObject()));

    [Fact]
    public void The_fast_path_is_taken_for_valid_documents()
    {
        var contract = Lint.Contract;
        Assert.True(SchemaRule.Compile(contract.OccupationSchema).IsAvailable);
        Assert.True(SchemaRule.Compile(contract.MetadataSchema).IsAvailable);
        Assert.Empty(SchemaRule.ValidateWithNJsonSchema(Record, contract.OccupationSchema));
        Assert.True(SchemaRule.Compile(contract.OccupationSchema).IsCertainlyValid(Record));
        Assert.True(SchemaRule.Compile(contract.MetadataSchema).IsCertainlyValid(Record["metadata"]!));
    }

    [Fact]
    public void The_fast_path_never_passes_what_njsonschema_rejects() =>
        Check(Record, Lint.Contract.OccupationSchema);

    [Fact]
    public void The_fast_path_never_passes_metadata_that_njsonschema_rejects() =>
        Check((JObject)Record["metadata"]!, Lint.Contract.MetadataSchema);

    private static void Check(JObject document, JsonSchema schema)
    {
        var compiled = SchemaRule.Compile(schema);
        document = (JObject)document.DeepClone(); // detached, so token paths start at this document
        var paths = document.DescendantsAndSelf().Select(t => t.Path).Distinct().ToArray();
        var mutations = Gen.Select(Gen.Int[0, paths.Length - 1], Gen.Int[0, 3], Values, Gen.String[1, 12]);
        var invalid = 0;
        mutations.Sample((pathIndex, kind, value, name) =>
        {
            var copy = (JObject)document.DeepClone();
            var target = paths[pathIndex].Length == 0 ? copy : copy.SelectToken(paths[pathIndex]);
            if (target is null)
            {
                return;
            }

            Mutate(copy, target, kind, value, name);
            var errors = SchemaRule.ValidateWithNJsonSchema(copy, schema);
            if (errors.Count > 0)
            {
                invalid++;
                Assert.False(compiled.IsCertainlyValid(copy), $"fast path passed an invalid document: {string.Join("; ", errors)}");
            }
        }, iter: 3000);
        Assert.True(invalid > 300, $"only {invalid} mutations were invalid; the generator is too gentle");
    }

    private static void Mutate(JObject root, JToken target, int kind, JToken value, string name)
    {
        switch (kind)
        {
            case 0 when target.Parent is JProperty property:
                property.Value = value.DeepClone();
                break;
            case 1 when target.Parent is JProperty property:
                property.Remove();
                break;
            case 2 when target is JObject obj:
                obj[name] = value.DeepClone();
                break;
            case 3 when target.Parent is JArray array:
                array.Add(target.DeepClone());
                break;
            default:
                if (target.Parent is JArray items)
                {
                    target.Replace(value.DeepClone());
                }
                else if (target == root)
                {
                    root[name] = value.DeepClone();
                }

                break;
        }
    }
}
