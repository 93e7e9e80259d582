import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from opcc.models import User
from opcc.roles import Role, sync_role_group

PASSWORD = "correct horse battery staple"
# Plain names (no apostrophes), so a test can look for a name in a page without escaping it.
FIRST_NAMES = ("Amira", "Ben", "Chloe", "Dev", "Ellis", "Fatima", "Gareth", "Hana", "Ifan", "Jo")
LAST_NAMES = ("Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fisher", "Green", "Hughes", "Iqbal")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@opcc.example")
    full_name = factory.Sequence(lambda n: f"{FIRST_NAMES[n % 10]} {LAST_NAMES[n // 10 % 9]} {n}")
    role = Role.STAFF
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def role_group(self, create, extracted, **kwargs):
        if create:
            sync_role_group(self)


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Authenticator app"
    confirmed = True
