using System.Globalization;

namespace Governance.Api.Pipeline;

/// <summary>
/// The one place every answer with an audit entry gets <c>X-Audit-Sequence</c>: success or refusal, inside the
/// pipeline or before it. Set as the headers leave, by which time the entry (or the refusal's) is durable.
/// </summary>
public sealed class AuditSequenceHeader(RequestDelegate next)
{
    public const string Name = "X-Audit-Sequence";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            if (http.RequestServices.GetService<AuditScope>()?.Receipt is { } receipt)
            {
                http.Response.Headers[Name] = receipt.Sequence.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
