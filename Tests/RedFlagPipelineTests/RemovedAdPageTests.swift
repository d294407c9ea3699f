import RedFlagContract
import RedFlagFeatures
import RedFlagIngest
import Testing
@testable import RedFlagPipeline

/// A page whose ad was removed lists other people's ads: their contacts and wording are not this page's
/// (FAMILIES.md: "not sidebars, not other ads"), though the listing still says which section the page is from.
@Suite("Removed-ad pages")
struct RemovedAdPageTests {
    /// A Backpage-style removed-ad page written by us: the notice, then a listing of other ads in the escort section.
    static let listing = """
        Recent female escorts ads.  Posted: Tue. Jun. 21, 2:29 AM   Sweet young new girl in town, 100% real pics, \
        incall and outcall, call 702-555-0147 ask for my manager   Posted: Tue. Jun. 21, 2:03 AM   Latina escort \
        available 24/7, text 213-555-0112, no games, hotel visits   Posted: Tue. Jun. 21, 1:57 AM   two girls \
        special, escort upscale incall, 415-555-0199
        """
    static let page = "search   losangeles   freeclassifieds   The requested ad could not be found.   " + listing

    @Test(arguments: [
        ("The requested ad could not be found. Recent ads.", 36),
        ("nav THE REQUESTED AD COULD NOT BE FOUND! more", 40),
        ("This posting has been deleted by its author. call 702-555-0147", 44),
    ])
    func noticeEndsTheAdsOwnText(text: String, end: Int) {
        #expect(RemovedAdNotice.ownTextEnd(in: text) == end)
    }

    @Test func noticeQuotedDeepInAnAdIsReadAsWritten() {
        let ad = String(repeating: "Sweet and real, call me. ", count: 80) + "The requested ad could not be found."
        #expect(RemovedAdNotice.ownTextEnd(in: ad) == nil)
        #expect(RemovedAdNotice.ownTextEnd(in: "athe requested ad could not be founded") == nil)
    }

    @Test func listedAdsGiveNoContactsFamiliesOrFlagButTheCategory() async throws {
        let (extractor, scorer) = try ScoredScanTests.shippedModels()
        let scanner = try Scanner(features: extractor, scorer: scorer, jobs: 1)
        let removed = await scanner.assess(AdRecord(id: "gone", content: .text(Self.page), origin: "gone"))
        #expect(removed.features?.entities.phones.isEmpty == true)
        #expect(removed.features?.families.isEmpty == true)
        #expect(removed.assessment?.flagged == false)
        #expect(removed.assessment?.category == "escort")
        #expect(removed.warnings.map(\.code) == [IngestError.Code.adRemoved])
        #expect(removed.warnings.first?.message.contains("gone: the page says the ad was removed") == true)

        // The same listing as an ad of its own is read in full.
        let listed = await scanner.assess(AdRecord(id: "listing", content: .text(Self.listing), origin: "listing"))
        #expect(listed.features?.entities.phones.count == 3)
        #expect(listed.assessment?.flagged == true)
        #expect(listed.warnings.isEmpty)
    }
}
