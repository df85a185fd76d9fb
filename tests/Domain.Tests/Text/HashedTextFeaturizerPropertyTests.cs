using FsCheck;
using FsCheck.Fluent;

using static Governance.Domain.Tests.Text.HashedTextFeaturizerTests;

namespace Governance.Domain.Tests.Text;

public sealed class HashedTextFeaturizerPropertyTests
{
    [Fact]
    public void Featurize_AnyText_IsUnitLengthOrZero() =>
        Prop.ForAll<string>(text =>
        {
            var norm = Norm(Features(text ?? ""));
            return Math.Abs(norm - 1) < 1e-4 || norm == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Featurize_AnyText_EqualsFeaturesOfItsLowerCase() =>
        Prop.ForAll<string>(text =>
        {
            text ??= "";
            return Features(text).AsSpan().SequenceEqual(Features(text.ToLowerInvariant()));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Featurize_AnyText_DoesNotDependOnSurroundingPunctuation() =>
        Prop.ForAll<string>(text =>
        {
            text ??= "";
            return Features(text).AsSpan().SequenceEqual(Features($"  ({text})!? "));
        }).QuickCheckThrowOnFailure();
}
