import XCTest
@testable import ActionPlanCore

/// Seeded mutations of a realistic plan file: every mutant must parse or throw JSONSyntaxError, and finish.
final class JSONFuzzTests: XCTestCase {
    func testMutatedPlanFiles() throws {
        let original = Array(Self.planDocument.utf8)
        XCTAssertGreaterThan(original.count, 2_500)
        XCTAssertNoThrow(try JSONParser.parse(original))

        var random = SplitMix64(seed: 0x5EED_2006)
        let inserts = Array(#"{}[],:"\"#.utf8) + [0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]
        var accepted = 0, rejected = 0
        for round in 0..<3_000 {
            var bytes = original
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(bytes.count + 1)
                switch random.below(4) {
                case 0 where at < bytes.count: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
                case 1 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
                case 2: bytes.insert(inserts[random.below(inserts.count)], at: at)
                default: bytes.removeSubrange(at...)
                }
            }
            do {
                let value = try JSONParser.parse(bytes)
                accepted += 1
                // Whatever parses must also survive a write and a re-read.
                XCTAssertEqual(try JSONParser.parse(JSONWriter.serialize(value, sortKeys: false)), value, "round \(round)")
            } catch {
                rejected += 1
                let lines = 1 + bytes.filter { $0 == 0x0A || $0 == 0x0D }.count  // a flip can make a CR, which also ends a line
                XCTAssert(error.line >= 1 && error.line <= lines && error.column >= 1 && !error.message.isEmpty,
                          "round \(round): \(error)")
            }
        }
        XCTAssertEqual(accepted + rejected, 3_000)
        XCTAssertGreaterThan(rejected, 2_000)
        XCTAssertGreaterThan(accepted, 10)  // some flips only change a letter inside a string
    }

    static let planDocument = #"""
        {
          "asAt": "2006-11-30",
          "department": "Children & Learning",
          "id": "luton-cl-2006",
          "keyIssues": [
            {
              "number": 1,
              "objectives": [
                {
                  "code": "CL1",
                  "number": 1,
                  "targets": [
                    {
                      "comment": "Action plans agreed by DMT; two of three “high” EIAs done.",
                      "due": "2006-08-31",
                      "forecast": "Expected to be met by Feb.07",
                      "history": [
                        {
                          "field": "status",
                          "new": "partiallyMet",
                          "old": "notAssessed",
                          "when": "2026-11-24T14:02:11Z",
                          "who": "jo"
                        }
                      ],
                      "id": "t1",
                      "leadOfficers": [
                        "GS",
                        "CSO"
                      ],
                      "status": "partiallyMet",
                      "text": "Implement action plans on the 2005/06 equality impact assessments.",
                      "timescale": "Aug 06"
                    },
                    {
                      "id": "t2",
                      "leadOfficers": [
                        "All H of S"
                      ],
                      "measure": {
                        "actual": 61.5,
                        "baseline": 52.5,
                        "better": "higher",
                        "target": 75,
                        "unit": "%"
                      },
                      "status": "notMet",
                      "text": "Raise the share of staff trained in équality duties\n(see annex \"B\")",
                      "timescale": "Ongoing"
                    }
                  ],
                  "text": "Improve performance on the duty to promote equality"
                }
              ],
              "statement": "The directorate will lead by example — consulting \\ involving users.",
              "title": "Leadership and Corporate Commitment"
            },
            {
              "number": 2,
              "objectives": [
                {
                  "code": "CL7",
                  "expectedOutcome": "Fewer exclusions of Black Caribbean pupils",
                  "targets": [
                    {
                      "due": "2007-01-31",
                      "id": "t3",
                      "leadOfficers": [],
                      "status": "met",
                      "text": "Publish termly exclusion figures by ethnicity",
                      "timescale": "Jan.07 Sept.06 Feb.07"
                    },
                    {
                      "id": "t4",
                      "leadOfficers": [
                        "SEN"
                      ],
                      "measure": {
                        "actual": 0.125,
                        "target": 1e-2,
                        "better": "lower"
                      },
                      "status": "notAssessed",
                      "text": "Reduce permanent exclusions \u2013 all phases",
                      "timescale": "Quarterly"
                    }
                  ],
                  "text": "Narrow attainment gaps between groups of pupils"
                }
              ],
              "title": "Service Delivery"
            }
          ],
          "nextTargetId": 5,
          "notes": [
            "Repaired: timescale of t3 was split across two lines in the source.",
            "",
            "Keys are sorted; UTF-8 throughout: 漢字 😀"
          ],
          "organisation": "Luton Borough Council",
          "period": {
            "end": "2007-03",
            "start": "2006-04"
          },
          "schemaVersion": 1,
          "source": "002-progress-report.txt",
          "title": "Equalities Action Plan 2006/07"
        }
        """#
}

/// A small deterministic generator (SplitMix64) shared by the randomised tests, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
