import Foundation
import Testing
@testable import TilanneCore

/// What `tilanne status` reads: the --max-age durations.
@Suite("Status: durations and times")
struct StatusTests {
    @Test("--max-age reads 26h, 90m, 2d, 45s and 1d12h, and refuses what is not a duration")
    func ageLimits() {
        #expect(CommandLineDuration.seconds("26h") == 93_600)
        #expect(CommandLineDuration.seconds("90m") == 5_400)
        #expect(CommandLineDuration.seconds("2d") == 172_800)
        #expect(CommandLineDuration.seconds("45s") == 45)
        #expect(CommandLineDuration.seconds("1d12h") == 129_600)
        for wrong in ["", "26", "h", "26x", "-1h", "0h", "1.5h", "26h5"] {
            #expect(CommandLineDuration.seconds(wrong) == nil, "\(wrong)")
        }
    }
}
