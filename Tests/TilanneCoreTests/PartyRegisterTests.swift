import Foundation
import Testing
@testable import TilanneCore

/// The parties register of the programme file, on the real Kuopio table.
@Suite("Parties register")
struct PartyRegisterTests {
    /// The shipped config with parties dropped from its register (and aliases from the rest).
    private func config(dropping keys: Set<String> = [], aliases dropped: Set<String> = []) throws -> TilanneConfig {
        var config = try TestSupport.kuopioConfig()
        let parties = config.parties!.parties.filter { !keys.contains($0.key) }.map { party in
            var party = party
            party.aliases.removeAll { dropped.contains($0) }
            return party
        }
        config.parties = PartyRegister(parties)
        return config
    }

    @Test("Every responsible name of the Kuopio table is in the shipped register, variants merged")
    func shippedRegister() throws {
        let config = try TestSupport.kuopioConfig()
        let register = try #require(config.parties)
        let findings = TestSupport.check(config).diagnostics.filter { $0.code == .partyUnregistered }
        #expect(ExpectedFindings.keys(findings) == [])
        #expect(register.party(named: "Yrityspalvelu")?.key == "yrityspalvelut")
        #expect(register.party(named: "Yrityspalvelut")?.key == "yrityspalvelut")
        #expect(register.party(named: "Elinvoima-ja konsernipalvelut")?.key == "elinvoima")
        #expect(register.party(named: "kasvu- ja  OPPIMINEN")?.key == "kasvu-ja-oppiminen")
        #expect(register.party(named: "Yrityspalvelukeskus") == nil)
    }

    @Test("A name the register does not know is one finding at its first row, naming the closest registered names")
    func unregisteredNames() throws {
        let config = try config(dropping: ["uef"], aliases: ["Yrityspalvelu"])
        let findings = TestSupport.check(config).diagnostics.filter { $0.code == .partyUnregistered }
        #expect(ExpectedFindings.keys(findings) == ["party.unregistered@9", "party.unregistered@13", "party.unregistered@50"])
        #expect(findings.map(\.arguments) == [
            [.text("Yrityspalvelu"), .count(9), .text("\"Yrityspalvelut\"")],
            [.text("UEF"), .count(4), .text("–")],
            [.text("UEF ym."), .count(1), .text("–")],
        ])
        #expect(findings.allSatisfy { $0.severity == .info && $0.location?.columnName == "Vastuutaho" })
    }

    @Test("Without a parties section there is no finding and no request")
    func noRegister() throws {
        var config = try TestSupport.kuopioConfig()
        config.parties = nil
        #expect(TestSupport.check(config).diagnostics.filter { $0.code == .partyUnregistered }.isEmpty)
    }

    @Test("Closest names by bigram Dice: a variant finds its party, an unrelated name none")
    func closestNames() throws {
        let register = try #require(try TestSupport.kuopioConfig().parties)
        #expect(register.closestNames(to: "Yrityspalvelujen") == ["Yrityspalvelu", "Yrityspalvelut"])
        #expect(register.closestNames(to: "Kaupunkiympäristö").first == "Kaupunkiympäristön palvelualue")
        #expect(register.closestNames(to: "Zz") == [])
    }
}
