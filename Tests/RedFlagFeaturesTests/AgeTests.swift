import Testing
@testable import RedFlagFeatures
import RedFlagContract

/// Stated ages in the forms FAMILIES.md lists for `underage_age`, and numbers that only look like ages. The phrases
/// are made up; the hand-written fixture ads (Tests/RedFlagPipelineTests/Fixtures/handwritten) cover whole ads.
@Suite("Ages")
struct AgeTests {
    @Test(arguments: [
        // A name before the number, ending its phrase.
        ("hi im jess, 16, need money fast", [16]), ("Ashley, I7 🌹 new to the area", [17]),
        ("hey its Rae, 1six, tryna make dinero", [16]), ("Jade ⑯ need $$ this weekend", [16]),
        ("Mia 1️⃣6️⃣ 🔥 in & out specials", [16]), ("Bella 1🌸7 new girl in town", [17]),
        ("Sofia, 19 💋 colombian cutie", [19]), ("Kendra 21 🍒 5'5, 38-28-40", [21]),
        ("soy Karla, dieciseis, necesito dinero", [16]), ("ｈｉ ｉ'ｍ Ｃｏｃｏ， １６ 💕", [16]),
        // An age word before it.
        ("I'm seventeen and need help", [17]), ("im siiixteen lol and broke", [16]), ("im 1 6 and bored", [16]),
        ("only 15 but my boyfriend books", [15]), ("turning 17 next month", [16]), ("she's 17, ask for her", [17]),
        ("tengo quince y busco amigo", [15]), ("Poster's age: 99", [99]),
        ("Edad de la persona que publicó el anuncio: 20", [20]),
        // A unit after it.
        ("Kayla 16yo looking for a gentleman", [16]), ("Latinita de 17 añitos", [17]),
        ("chica de dieciséis años", [16]), ("Señora de treinta y dos años", [32]), ("Elegant 30-year-old companion", [30]),
        ("Bree, 16 y/o. Incall", [16]),
        // The start of a sentence or title.
        ("sixteen & brand new 😇", [16]), ("seven teen and new 2 this", [17]), ("S I X T E E N 🌸 new in town", [16]),
        ("f1fteen, need money asap", [15]), ("s1xteen and sweet", [16]), ("Thirty-four, curvy and fun", [34]),
        ("Hey I'm Lola, twenty five, laid back", [25]),
        // A young number joined to a word of self-description, mid-sentence; "only N so …".
        ("love long talks seventeen and shy so be patient", [17]), ("new here 19 & ready tonight", [19]),
        ("Only I7 so be nice!!", [17]), ("just 16 so go slow", [16]),
        // A Backpage title running on into the text of a dump.
        ("Exotic Latina Goddess  - 22 Exotic Latina Goddess - Tampa escorts", [22]),
    ])
    func statedAges(text: String, expected: [Int]) {
        #expect(features(text).entities.ages == expected, "\(text)")
    }

    @Test func parenthesisedAgeInATitle() {
        #expect(features("Looking for generous friends", title: "Tiff (17) looking for friends - Portland dating").entities.ages == [17])
    }

    @Test(arguments: [
        "Ages 8–13, Saturday games", "Summer camp for girls 13–16", "Book your Sweet 16 party here", "tutoring for kids 12-17",
        "Available Sept 12-16 only", "Friday 17th and Saturday 18th", "Room 16 is ready", "exit 12 off the highway",
        "Please be over age 40 and respectful", "My 16-year-old son mows lawns", "with 15 yrs experience",
        "15 años de experiencia", "only 15 spots left", "Incall 60 Outcall 70", "I'm 20 minutes from downtown",
        "Specials only 60!", "2 hr minimum, 36-24-36", "16. Must have a car", "25, 30 or 60 minute sessions",
        "12 and under eat free", "I'm 5'4 and 120 lbs", "capacity 16, sleeps 12", "Room 16 and new carpet",
        "order 16 and save", "rated 17 and sweet deals inside", "only 17 left so hurry",
    ])
    func notStatedAges(text: String) {
        #expect(features(text).entities.ages.isEmpty, "\(text): \(features(text).entities.ages)")
    }

    @Test func spelledNumbersHaveOneValueEach() {
        // Canonical forms squeeze letters and fold leet; two numbers must never meet the same key.
        let spellings = ["sixteen", "s1xteen", "SIIIXTEEN", "dieciséis", "dieciseis", "twenty-five", "twenty five", "treinta y dos"]
        let values = spellings.map { SpelledNumbers.value(Array($0.lowercased().utf8)) }
        #expect(values == [16, 16, 16, 16, 16, 25, 25, 32])
        #expect(SpelledNumbers.value(Array("once".utf8)) == nil)
    }
}
