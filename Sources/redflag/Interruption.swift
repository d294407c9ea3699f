import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a long run: the first asks the run to stop after the ads already read (so output ends on a whole
/// line and the summary is printed), a second one ends the process at once.
enum Interruption {
    private static let requested = Atomic<Bool>(false)

    /// Catches SIGINT from now on (and the other `signals` given: a worker also stops gracefully on SIGTERM, as a
    /// service manager asks it to).
    static func install(signals: [Int32] = [SIGINT]) {
        // A parent may have started us with SIGINT blocked (the mask is inherited); Ctrl-C must still reach us.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in signals { sigaddset(&unblock, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for number in signals {
            signal(number) { _ in
                // An atomic exchange and _exit only: both are safe in a signal handler.
                if Interruption.requested.exchange(true, ordering: .relaxed) { _exit(ExitStatus.interrupted) }
            }
        }
    }

    static var wasRequested: Bool { requested.load(ordering: .relaxed) }
}
