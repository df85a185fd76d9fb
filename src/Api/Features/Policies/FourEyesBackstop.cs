using Governance.Api.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Governance.Api.Features.Policies;

/// <summary>
/// The triggers of migration 0010 refuse an approval or emergency activation by the author with
/// PostgreSQL's own NFKC, which <see cref="Security.SubjectIdentity"/> can only approximate under
/// InvariantGlobalization. When a spelling gets past the handler's check but not the trigger, the
/// caller is told the same 403 the handler would have given, not a 503 (issue 11, ADR-028); the
/// refused row was never written, and the audit behaviour records the refusal.
/// </summary>
internal static class FourEyesBackstop
{
    public static Task GuardAsync(Func<Task> write, string detail) =>
        GuardAsync(
            async () =>
            {
                await write();
                return true;
            },
            detail);

    public static async Task<T> GuardAsync<T>(Func<Task<T>> write, string detail)
    {
        try
        {
            return await write();
        }
        catch (DbUpdateException ex) when (IsAuthorRefusal(ex))
        {
            throw new GovernanceException(StatusCodes.Status403Forbidden, PolicyErrorCodes.SelfApproval, detail);
        }
    }

    private static bool IsAuthorRefusal(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.RaiseException } p
        && p.MessageText.Contains("by its author", StringComparison.Ordinal);
}
