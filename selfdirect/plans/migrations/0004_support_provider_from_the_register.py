"""A support's provider now comes from the `providers` app.

State only: the register's table keeps its name (`delivery_provider`), so the
column and its foreign key stay as they are and no data moves.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('plans', '0003_supportplan_plan_one_draft'),
        ('providers', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalsupport',
                    name='provider',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='providers.provider', verbose_name='provider'),
                ),
                migrations.AlterField(
                    model_name='support',
                    name='provider',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='plan_supports', to='providers.provider', verbose_name='provider'),
                ),
            ],
            database_operations=[],
        ),
    ]
