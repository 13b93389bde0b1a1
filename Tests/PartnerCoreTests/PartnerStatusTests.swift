import Testing

@testable import PartnerCore

@Suite("Partner status lifecycle")
struct PartnerStatusTests {
    @Test func allowedMovesFollowTheLifecycle() throws {
        #expect(try PartnerStatus.applicant.moving(to: .active) == .active)
        #expect(try PartnerStatus.active.moving(to: .suspended) == .suspended)
        #expect(try PartnerStatus.suspended.moving(to: .active) == .active)
        #expect(try PartnerStatus.active.moving(to: .terminated) == .terminated)
        #expect(try PartnerStatus.suspended.moving(to: .terminated) == .terminated)
        #expect(try PartnerStatus.active.moving(to: .active) == .active)
    }

    @Test(arguments: [
        (PartnerStatus.active, PartnerStatus.applicant), (.suspended, .applicant), (.applicant, .suspended),
        (.terminated, .active), (.terminated, .applicant), (.terminated, .suspended),
    ])
    func everythingElseIsRefused(from: PartnerStatus, to: PartnerStatus) {
        #expect(throws: PartnerError.illegalStatusTransition(from: from, to: to)) { try from.moving(to: to) }
    }
}
