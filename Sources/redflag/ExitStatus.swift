/// The exit statuses `redflag` documents, in one place. The numbers are sysexits.h's, so shells, schedulers and CI
/// read them as they read other tools'.
///
/// A scan writes every line it can whatever happens; the status then says whether the inputs were all read.
enum ExitStatus {
    /// Everything was read and done.
    static let ok: Int32 = 0
    /// Any other failure (a bad model or lexicon, a refused overwrite, a broken audit chain).
    static let failure: Int32 = 1
    /// Bad options or arguments (ArgumentParser's own status for validation errors).
    static let usage: Int32 = 64
    /// Some input records could not be read or were rejected (bad JSON, truncated gzip, no labels, a bad id or
    /// value); every other record was still processed.
    static let dataError: Int32 = 65
    /// No input could be read: the named files, folder or queue do not exist, or held no readable ad.
    static let noInput: Int32 = 66
    /// The queue has nothing to claim.
    static let nothingToClaim: Int32 = 69
    /// Someone else holds the claim, or it expired.
    static let claimLost: Int32 = 75
    /// Stopped by Ctrl-C (128 + SIGINT, as shells report it).
    static let interrupted: Int32 = 130

    /// The table `--help` texts and the README print.
    static let summary =
        "Exit codes: 0 ok, 1 failure, 64 usage, 65 some records failed or were rejected, 66 no input could be read, "
        + "69 nothing to claim, 75 claim lost or expired, 130 interrupted."
}
