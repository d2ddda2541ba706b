"""The providers register, moved from the delivery app without moving any data.

The tables were created by `delivery.0001_initial` and keep their names, so this
migration only takes over the models' state; `delivery.0002` and `plans.0004`
give the old state up. The register's content types move with it, so permissions
and admin log entries keep pointing at the same rows.
"""

import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models


MODELS = ["provider", "historicalprovider", "historicalprovider_localities"]


def _move_content_types(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = ContentType.objects.filter(app_label=new, model__in=MODELS)
    ContentType.objects.filter(app_label=old, model__in=MODELS).exclude(
        model__in=taken.values("model")
    ).update(app_label=new)


def forwards(apps, schema_editor):
    _move_content_types(apps, "delivery", "providers")


def backwards(apps, schema_editor):
    _move_content_types(apps, "providers", "delivery")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        # Created the tables this app now owns.
        ('delivery', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalProvider',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('created_at', models.DateTimeField(blank=True, editable=False)),
                        ('updated_at', models.DateTimeField(blank=True, editable=False)),
                        ('public_id', models.UUIDField(db_index=True, default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('kind', models.CharField(choices=[('local_authority', 'Local authority (in-house)'), ('private', 'Private'), ('voluntary', 'Voluntary'), ('personal_assistant', 'Personal assistant')], max_length=30, verbose_name='type')),
                        ('contract_type', models.CharField(choices=[('block', 'Block contract'), ('spot', 'Spot purchase'), ('framework', 'Framework agreement'), ('none', 'No contract (in-house or employed directly)')], default='spot', max_length=20, verbose_name='contract type')),
                        ('active', models.BooleanField(default=True, verbose_name='on the register (active)')),
                        ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='contact name')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='email')),
                        ('care_inspectorate_number', models.CharField(blank=True, max_length=40, verbose_name='Care Inspectorate registration number')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical provider',
                        'verbose_name_plural': 'historical providers',
                        'db_table': 'delivery_historicalprovider',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Provider',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('kind', models.CharField(choices=[('local_authority', 'Local authority (in-house)'), ('private', 'Private'), ('voluntary', 'Voluntary'), ('personal_assistant', 'Personal assistant')], max_length=30, verbose_name='type')),
                        ('contract_type', models.CharField(choices=[('block', 'Block contract'), ('spot', 'Spot purchase'), ('framework', 'Framework agreement'), ('none', 'No contract (in-house or employed directly)')], default='spot', max_length=20, verbose_name='contract type')),
                        ('active', models.BooleanField(default=True, verbose_name='on the register (active)')),
                        ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='contact name')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='email')),
                        ('care_inspectorate_number', models.CharField(blank=True, max_length=40, verbose_name='Care Inspectorate registration number')),
                        ('localities', models.ManyToManyField(blank=True, db_table='delivery_provider_localities', related_name='providers', to='accounts.locality', verbose_name='localities served')),
                    ],
                    options={
                        'db_table': 'delivery_provider',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalProvider_localities',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='providers.historicalprovider')),
                        ('locality', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='accounts.locality')),
                        ('provider', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='providers.provider')),
                    ],
                    options={
                        'verbose_name': 'HistoricalProvider_localities',
                        'db_table': 'delivery_historicalprovider_localities',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddIndex(
                    model_name='provider',
                    index=models.Index(fields=['kind', 'contract_type'], name='provider_kind'),
                ),
                migrations.AddIndex(
                    model_name='provider',
                    index=models.Index(fields=['contract_type'], name='provider_contract'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
