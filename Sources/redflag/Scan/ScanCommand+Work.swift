import ArgumentParser
import Foundation
import RedFlagQueue
import RedFlagService

/// `scan --work` (register a distributed scan) and `scan --status` (its progress): the work itself is the service
/// layer's (``WorkPlanner``, ``ScanWorker``); this is reading options and printing.
extension ScanCommand {
    func validateWork() throws {
        if work != nil || status {
            let scanOnly: [(Bool, String)] = [
                (text, "--text"), (noModel, "--no-model"), (enqueue, "--enqueue"), (cluster, "--cluster"),
                (flaggedOnly, "--flagged-only"), (minScore != nil, "--min-score"), (summaryJSON != nil, "--summary-json"),
                (scoring.model != nil, "--model"), (scoring.categoryModel != nil, "--category-model"),
                (scoring.threshold != nil, "--threshold"), (scoring.lexicon != nil, "--lexicon"),
            ]
            if let (_, option) = scanOnly.first(where: \.0) {
                throw ValidationError(
                    "\(option) is for a scan here; a distributed scan's workers choose models and enqueue "
                        + "(pass model options to `redflag worker`)")
            }
        }
        if work != nil {
            if status { throw ValidationError("--work registers a scan and --status shows one: use one of them") }
            if paths.isEmpty { throw ValidationError("--work needs files, folders or dumps to register") }
            guard partBytes >= 64 << 10 else { throw ValidationError("--part-bytes must be at least 64 KiB (65536)") }
        } else if status {
            if !paths.isEmpty { throw ValidationError("--status takes no paths (--run names a run)") }
        } else {
            if paths.isEmpty { throw ValidationError("give files, folders or dumps to scan (- reads standard input)") }
            if run != nil { throw ValidationError("--run goes with --status") }
            if format == .json { throw ValidationError("--format json goes with --status; a scan prints jsonl") }
        }
    }

    /// Registers the inputs as work items and prints the run id (alone on stdout, for scripts).
    func register(in location: String) async throws {
        let shown = QueueLocation(location).displayed
        let plan = WorkPlanner.plan(
            paths: paths, settings: ScanSettings(options: ingestOptions), partBytes: partBytes,
            workingFolder: FileManager.default.currentDirectoryPath)
        for failure in plan.failures { standardError("redflag: \(failure)\n") }
        guard !plan.specs.isEmpty else {
            let skipped =
                plan.skippedFiles.isEmpty
                ? "" : ": \(plan.skippedFiles.count) file(s) skipped for their unknown extension; pass --input-format"
            throw CLIError("nothing to register in \(paths.joined(separator: " "))\(skipped)", status: ExitStatus.noInput)
        }
        let opened = try await openWork(at: location, creating: true, option: "--work")
        var registration: WorkRegistration?
        try await withQueueErrors {
            registration = try await opened.work.register(plan.specs, by: actorName(nil))
        }
        await opened.close()
        guard let registration else { return }
        writeNow(registration.runID + "\n")
        if !quiet {
            let files = Set(plan.specs.map(\.path)).count
            let parts = plan.specs.filter { $0.byteRange != nil }.count
            standardError(
                "registered run \(registration.runID) in \(shown): \(registration.items) item(s) (\(files) file(s)"
                    + (parts > 0 ? ", \(parts) of them parts of dumps" : "") + "), \(registration.newItems) new"
                    + (registration.alreadyDone > 0 ? ", \(registration.alreadyDone) already done by an earlier run" : "")
                    + (registration.existingRun ? " (this set was registered before: the same run)" : "")
                    + (plan.skippedFiles.isEmpty ? "" : "; \(plan.skippedFiles.count) file(s) skipped for their unknown extension")
                    + ". Start workers with: redflag worker --db \(shown) --run \(registration.runID)\n")
        }
        if !plan.failures.isEmpty {
            throw CLIError(
                "\(plan.failures.count) input(s) could not be registered (see above); the rest were",
                status: ExitStatus.dataError)
        }
    }

    /// Prints the progress of the run (or of every run) in `--db`.
    func printStatus() async throws {
        let location = resolvedQueueLocation(db)
        let opened = try await openWork(at: location, creating: false, option: "--db")
        var progress: WorkStatus?
        try await withQueueErrors {
            do {
                progress = try await opened.work.status(run: run)
            } catch let error as QueueError where error.code == .itemNotFound && run != nil {
                var advised = error
                advised.message += ": `redflag scan --work` prints the id of the run it registers"
                throw advised
            }
        }
        await opened.close()
        guard let progress else { return }
        writeNow(format == .json ? try jsonLine(progress) : WorkStatusText.render(progress))
        if progress.failed > 0 { throw ExitCode(ExitStatus.dataError) }
    }
}
