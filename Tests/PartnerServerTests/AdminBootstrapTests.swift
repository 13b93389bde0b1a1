import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor

@testable import PartnerServer

@Suite("First admin and create-admin")
struct AdminBootstrapTests {
    @Test func environmentCreatesTheFirstAdminOnlyOnce() async throws {
        try await withTestApp { world in
            let environment = ["PARTNEROS_ADMIN_EMAIL": "Boss@Example.com", "PARTNEROS_ADMIN_PASSWORD": "very secret pw"]
            #expect(try await AdminBootstrap.createFromEnvironment(environment, on: world.app))
            let second = ["PARTNEROS_ADMIN_EMAIL": "x@example.com", "PARTNEROS_ADMIN_PASSWORD": "another pw 1"]
            #expect(try await AdminBootstrap.createFromEnvironment(second, on: world.app) == false)
            let admins = try await UserRecord.query(on: world.app.db).all()
            #expect(admins.map(\.email) == ["boss@example.com"])
            #expect(admins.first?.role == .admin)
            let login = try await world.send(
                .POST, "/api/v1/auth/login", json: #"{"email":"boss@example.com","password":"very secret pw"}"#)
            #expect(login.status == .ok)
        }
    }

    @Test func withoutBothVariablesNothingHappens() async throws {
        try await withTestApp { world in
            let created = try await AdminBootstrap.createFromEnvironment(["PARTNEROS_ADMIN_EMAIL": "a@example.com"], on: world.app)
            #expect(!created)
            #expect(try await UserRecord.query(on: world.app.db).count() == 0)
        }
    }

    @Test func createAdminValidatesAndRefusesDuplicates() async throws {
        try await withTestApp { world in
            await #expect(throws: AdminBootstrap.Failure.self) {
                try await AdminBootstrap.createAdmin(email: "not an email", password: "short", on: world.app)
            }
            try await AdminBootstrap.createAdmin(email: "ops@example.com", password: "long enough pw", on: world.app)
            await #expect(throws: AdminBootstrap.Failure.self) {
                try await AdminBootstrap.createAdmin(email: "OPS@example.com", password: "long enough pw", on: world.app)
            }
        }
    }

    @Test func demoModeCreatesAnAdminAndTheNetworkOnce() async throws {
        try await withTestApp { world in
            try await DemoConsole.prepare(world.app, adminFromEnvironment: false)
            let admin = try await UserRecord.query(on: world.app.db).filter(\.$role == .admin).all()
            #expect(admin.map(\.email) == [DemoConsole.adminEmail])
            let partners = try await PartnerRecord.query(on: world.app.db).count()
            #expect(partners >= 200)
            try await DemoConsole.prepare(world.app, adminFromEnvironment: false)
            #expect(try await PartnerRecord.query(on: world.app.db).count() == partners)
            #expect(try await UserRecord.query(on: world.app.db).filter(\.$role == .admin).count() == 1)
        }
    }
}
