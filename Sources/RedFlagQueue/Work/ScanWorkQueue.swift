/// The work items of distributed batch scans: files and parts of dumps that any number of workers, on any
/// machines, claim, scan and mark done, beside the review queue their results go to (`redflag scan --work`,
/// `redflag worker`, `redflag scan --status`).
///
/// Claims are leases with fencing tokens (``WorkItem/fence``), as the review queue's are: a worker renews its lease
/// while it scans, and one that stops renewing (killed, its machine gone) loses the item when the lease runs out;
/// the next claim takes it over. Work is at least once, so a taken-over item is scanned again from its start; what
/// makes that harmless is the review queue, which keeps each content (SHA-256) once and records nothing for an ad
/// seen again with the same assessment.
///
/// Leases run on the store's clock (the database server's), not the workers', so machines whose clocks disagree
/// still agree on when a lease ran out.
public protocol ScanWorkQueue: Sendable {
    /// Registers `specs` (idempotent by ``WorkSpec/key``) as one run, named by ``WorkSpec/runID(of:)``.
    func register(_ specs: [WorkSpec], by actor: String) async throws -> WorkRegistration

    /// Claims the first item (in registration order) that is pending, or whose lease ran out, of `run` (any run
    /// when nil), for `lease`. An item whose lease ran out `maxAttempts` times is marked failed instead: an input
    /// that kills or stalls every worker that reads it must not stop the run.
    func claim(worker: String, run: String?, lease: Duration, maxAttempts: Int) async throws -> WorkClaim

    /// Extends the lease of an item still held under this claim; false when the claim is no longer current (the
    /// lease ran out and another worker took the item over).
    func renew(_ item: WorkItem, lease: Duration) async throws -> Bool

    /// Marks the item done with what scanning it did; false when the claim is no longer current.
    func finish(_ item: WorkItem, outcome: WorkOutcome) async throws -> Bool

    /// Marks the item failed with an error that names its input; false when the claim is no longer current.
    func fail(_ item: WorkItem, error: String) async throws -> Bool

    /// Gives the item back, pending again, without counting the attempt (a worker told to stop, or one whose review
    /// queue failed): false when the claim is no longer current.
    func release(_ item: WorkItem) async throws -> Bool

    /// Progress of `run` (every item when nil).
    /// - Throws: ``QueueError/Code/itemNotFound`` for a run that was never registered.
    func status(run: String?) async throws -> WorkStatus
}
