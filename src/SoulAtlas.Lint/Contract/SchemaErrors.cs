using System.Collections.Generic;
using System.Linq;
using NJsonSchema.Validation;

namespace SoulAtlas.Lint.Contract;

/// <summary>NJsonSchema's errors as soul-lint reports them.</summary>
public static class SchemaErrors
{
    /// <summary>
    /// An invalid array item or additional property is reported through its own violations, which
    /// are precise; a failed anyOf/oneOf or type union stays one diagnostic at the value.
    /// </summary>
    public static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid)
            {
                foreach (var nested in Flatten(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }
}
