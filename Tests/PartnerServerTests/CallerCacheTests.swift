import Foundation
import PartnerCore
import Testing
import Vapor

@testable import PartnerServer

/// Authenticated callers are cached for a few seconds; everything that takes access away (or
/// grants a membership) is seen on the very next request anyway.
@Suite("Caller cache")
struct CallerCacheTests {
    private func caller(_ user: UUID = UUID(), token: UUID = UUID()) -> Caller {
        Caller(userID: user, tokenID: token, scope: AccessScope(role: .staff))
    }

    @Test func entriesLiveFiveSecondsAndNeverPastTheToken() {
        let cache = CallerCache()
        let now = Date(timeIntervalSince1970: 1_000_000)
        cache.store(caller(), digest: "a", tokenExpiresAt: now.addingTimeInterval(3_600), at: now)
        cache.store(caller(), digest: "b", tokenExpiresAt: now.addingTimeInterval(1), at: now)
        #expect(cache.caller(digest: "a", at: now.addingTimeInterval(4.9)) != nil)
        #expect(cache.caller(digest: "a", at: now.addingTimeInterval(5)) == nil)
        #expect(cache.caller(digest: "b", at: now.addingTimeInterval(1)) == nil)
        #expect(cache.caller(digest: "unknown", at: now) == nil)
    }

    @Test func evictionsAreByUserOrToken() {
        let cache = CallerCache()
        let now = Date(timeIntervalSince1970: 1_000_000)
        let (user, other, token) = (UUID(), UUID(), UUID())
        cache.store(caller(user), digest: "u1", tokenExpiresAt: .distantFuture, at: now)
        cache.store(caller(user, token: token), digest: "u2", tokenExpiresAt: .distantFuture, at: now)
        cache.store(caller(other), digest: "o", tokenExpiresAt: .distantFuture, at: now)
        cache.evict(tokenID: token)
        #expect(cache.caller(digest: "u2", at: now) == nil && cache.caller(digest: "u1", at: now) != nil)
        cache.evict(userID: user)
        #expect(cache.caller(digest: "u1", at: now) == nil && cache.caller(digest: "o", at: now) != nil)
    }

    @Test func theCacheStaysWithinItsCapacity() {
        let cache = CallerCache(capacity: 100)
        let now = Date(timeIntervalSince1970: 1_000_000)
        for index in 0..<1_000 {
            cache.store(caller(), digest: "d\(index)", tokenExpiresAt: .distantFuture, at: now.addingTimeInterval(Double(index) / 100))
            #expect(cache.count <= 100)
        }
        #expect(cache.caller(digest: "d999", at: now.addingTimeInterval(9.99)) != nil)
    }

    @Test func takingAccessAwayIsSeenOnTheNextRequestThoughCallersAreCached() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let partner = try await world.partner()
            let owner = try await world.member(of: partner)
            let path = "/api/v1/partners/\(partner.id.apiString)"
            let other = try await world.partner("Other")
            let colleague = try await world.member(of: other, role: .manager)
            // Cached by these first requests.
            #expect(try await world.send(.GET, path, as: owner).status == .ok)
            #expect(try await world.send(.GET, path, as: colleague).status == .notFound)
            // A new membership is seen at once.
            _ = try await world.send(
                .POST, "\(path)/users", as: admin, json: #"{"userId":"\#(colleague.id.apiString)","role":"viewer"}"#)
            #expect(try await world.send(.GET, path, as: colleague).status == .ok)
            // So is a removed one, a disabled user and a logout.
            #expect(try await world.send(.DELETE, "\(path)/users/\(colleague.id.apiString)", as: admin).status == .noContent)
            #expect(try await world.send(.GET, path, as: colleague).status == .notFound)
            #expect(try await world.send(.POST, "/api/v1/users/\(colleague.id.apiString)/disable", as: admin).status == .ok)
            try await world.send(.GET, "/api/v1/auth/me", as: colleague).expectProblem(.unauthorized)
            #expect(try await world.send(.POST, "/api/v1/auth/logout", as: owner).status == .noContent)
            try await world.send(.GET, path, as: owner).expectProblem(.unauthorized)
            #expect(world.services.callers.count <= 2)
        }
    }
}
