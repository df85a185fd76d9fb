using Governance.Api.Errors;
using Governance.Api.Features.Audit;
using Governance.Api.Features.Embeddings;
using Governance.Api.Features.Health;
using Governance.Api.Features.Inference;
using Governance.Api.Features.Models;
using Governance.Api.Features.Policies;
using Governance.Api.Features.Presidio;
using Governance.Api.Features.Privacy;
using Governance.Api.Features.Tenants;
using Governance.Api.Features.Tokens;
using Governance.Api.Observability;
using Governance.Api.Pipeline;
using Governance.Api.RateLimiting;
using Governance.Api.Security;

namespace Governance.Api.Composition;

public static class RequestPipeline
{
    public static WebApplication UseGovernance(this WebApplication app)
    {
        app.UseHttpSecurity();
        app.UseMiddleware<AuditSequenceHeader>();
        app.UseMiddleware<CallMetering>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseMiddleware<RequestSizeGuard>();
        app.UseMiddleware<NulCharacterGuard>();
        app.UseMiddleware<ContentCharsetGuard>();
        app.UseMiddleware<AuthenticationTiming>();
        app.UseAuthentication();
        app.UseTenantRateLimits();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "Governance API"));
        app.MapGovernanceMetrics();
        app.MapHealthEndpoints();
        app.MapTokenEndpoints();
        app.MapTenantEndpoints();
        app.MapModelEndpoints();
        app.MapInferenceEndpoints();
        app.MapEmbeddingEndpoints();
        app.MapAuditEndpoints();
        app.MapPrivacyEndpoints();
        app.MapPresidioEndpoints();
        app.MapPolicyEndpoints();
        return app;
    }
}
