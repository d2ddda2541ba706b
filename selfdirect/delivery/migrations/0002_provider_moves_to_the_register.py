"""The providers register moves to its own app (`providers`).

State only: the tables keep their names (`delivery_provider`, its localities, and
their history), and the foreign keys of funds and arranged services keep pointing
at the same table, now owned by `providers.Provider`. No data moves.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('delivery', '0001_initial'),
        ('providers', '0001_initial'),
        # Support plans point at the register too: move them first.
        ('plans', '0004_support_provider_from_the_register'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalindividualservicefund',
                    name='provider',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='providers.provider'),
                ),
                migrations.AlterField(
                    model_name='arrangedservice',
                    name='provider',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='arranged_services', to='providers.provider'),
                ),
                migrations.AlterField(
                    model_name='individualservicefund',
                    name='provider',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='service_funds', to='providers.provider'),
                ),
                migrations.AlterField(
                    model_name='historicalarrangedservice',
                    name='provider',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='providers.provider'),
                ),
                migrations.DeleteModel(
                    name='HistoricalProvider_localities',
                ),
                migrations.DeleteModel(
                    name='HistoricalProvider',
                ),
                migrations.DeleteModel(
                    name='Provider',
                ),
            ],
            database_operations=[],
        ),
    ]
