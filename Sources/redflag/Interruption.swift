import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a long run: the first asks the run to stop after the ads already read (so output ends on a whole
/// line and the summary is printed), a second one ends the process at once.
enum Interruption {
    private static let requested = Atomic<Bool>(false)

    /// Catches SIGINT from now on.
    static func install() {
        // A parent may have started us with SIGINT blocked (the mask is inherited); Ctrl-C must still reach us.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        signal(SIGINT) { _ in
            // An atomic exchange and _exit only: both are safe in a signal handler.
            if Interruption.requested.exchange(true, ordering: .relaxed) { _exit(ExitStatus.interrupted) }
        }
    }

    static var wasRequested: Bool { requested.load(ordering: .relaxed) }
}
