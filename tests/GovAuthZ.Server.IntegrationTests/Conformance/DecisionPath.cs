using GovAuthZ.Contracts.Decision.V1;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>What one path answered to one check: a decision, or the GAZ code of the error it reported.</summary>
public sealed record CheckOutcome(CheckResponse? Response, string? Error);

/// <summary>What one path answered to a batch: the decisions in order, or the error code and its text.</summary>
public sealed record BatchOutcome(IReadOnlyList<CheckResponse>? Results, string? Error, string? Detail);
