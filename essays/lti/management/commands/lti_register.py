"""Register an LMS (an LTI 1.3 platform) from the command line, as the admin page does."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from lti_tool.models import Key, LtiDeployment, LtiRegistration

from essays.lti.models import PlatformFrame


class Command(BaseCommand):
    help = (
        "Register an LTI 1.3 platform (or update the one with this issuer and client ID) "
        "and its deployment IDs, active at once. Makes the tool's first key if none exists."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="e.g. 'School Canvas'")
        parser.add_argument("--issuer", required=True, help="the platform's issuer (iss)")
        parser.add_argument("--client-id", required=True, help="our client ID on the platform")
        parser.add_argument("--auth-url", required=True, help="OIDC authorisation endpoint")
        parser.add_argument("--token-url", required=True, help="OAuth2 access token endpoint")
        parser.add_argument("--keyset-url", required=True, help="the platform's JWKS URL")
        parser.add_argument("--audience", default="", help="token audience, if not the token URL")
        parser.add_argument(
            "--deployment", action="append", default=[], help="a deployment ID (repeatable)"
        )
        parser.add_argument(
            "--frame-origin",
            action="append",
            default=[],
            help="another origin whose pages frame the tool, e.g. https://school.instructure.com",
        )
        parser.add_argument("--inactive", action="store_true", help="register, but do not enable")

    def handle(self, *args: Any, **options: Any) -> None:
        fields = {
            "name": options["name"],
            "auth_url": options["auth_url"],
            "token_url": options["token_url"],
            "keyset_url": options["keyset_url"],
            "audience": options["audience"],
            "is_active": not options["inactive"],
        }
        registration = LtiRegistration(
            issuer=options["issuer"], client_id=options["client_id"], **fields
        )
        try:
            registration.full_clean(
                exclude=["uuid"], validate_unique=False, validate_constraints=False
            )
        except Exception as exc:
            raise CommandError(str(exc)) from exc
        with transaction.atomic():
            registration, created = LtiRegistration.objects.update_or_create(
                issuer=options["issuer"], client_id=options["client_id"], defaults=fields
            )
            for deployment_id in options["deployment"]:
                LtiDeployment.objects.update_or_create(
                    registration=registration,
                    deployment_id=deployment_id,
                    defaults={"is_active": True},
                )
            if options["frame_origin"]:
                PlatformFrame.objects.update_or_create(
                    registration=registration,
                    defaults={"extra_origins": "\n".join(options["frame_origin"])},
                )
            if not Key.objects.active().exists():
                Key.objects.generate()
                self.stdout.write("Made the tool's first signing key (rotate with rotate_keys).")
        verb = "Registered" if created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {registration.name} (issuer {registration.issuer}, client ID "
                f"{registration.client_id}, {registration.deployments.count()} deployment(s))."
            )
        )
