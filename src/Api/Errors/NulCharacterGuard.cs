using Governance.Api.Pipeline;

namespace Governance.Api.Errors;

/// <summary>
/// The path and query string, for endpoints that read them without a MediatR request: a NUL
/// (U+0000) there is a 400 naming the parameter. Bodies are checked per request by
/// <see cref="NulCharacterRule"/> in the validation behaviour.
/// </summary>
public sealed class NulCharacterGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var fields = new List<string>();
        if (context.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
        {
            fields.Add("path");
        }

        foreach (var (key, values) in context.Request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                fields.Add(key);
            }
        }

        return fields.Count == 0
            ? next(context)
            : throw new ValidationFailedException(fields.ToDictionary(f => f, _ => new[] { NulCharacterRule.Message }, StringComparer.Ordinal));
    }
}
