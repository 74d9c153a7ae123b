import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cop", "0006_organisation_review_existing"),
    ]

    operations = [
        migrations.AlterField(
            model_name="organisation",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "proposée, en attente"),
                    ("approved", "validée"),
                    ("declined", "refusée"),
                ],
                default="pending",
                max_length=16,
                verbose_name="statut",
            ),
        ),
        migrations.RemoveConstraint(
            model_name="organisation",
            name="cop_organisation_name_ci_unique",
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(
                fields=["status", "created_at"], name="cop_organis_status_8e9e71_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower(
                    models.Func(
                        models.Func(
                            models.Func(
                                models.Func(
                                    models.Func(
                                        models.Func(
                                            models.Func(
                                                models.Func(
                                                    models.F("name"),
                                                    models.Value(
                                                        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĲĳĴĵĶķĹĺĻļĽľĿŀŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǱǲǳǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ’‘ʼ\xa0\u202f"
                                                    ),
                                                    models.Value(
                                                        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiiiijjkkllllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzsoouudddlllnnnaaiioouuuuuuuuuuaaaaggkkoooojdddggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy'''  "
                                                    ),
                                                    function="translate",
                                                ),
                                                models.Value("œ"),
                                                models.Value("oe"),
                                                function="replace",
                                            ),
                                            models.Value("Œ"),
                                            models.Value("oe"),
                                            function="replace",
                                        ),
                                        models.Value("æ"),
                                        models.Value("ae"),
                                        function="replace",
                                    ),
                                    models.Value("Æ"),
                                    models.Value("ae"),
                                    function="replace",
                                ),
                                models.Value("ß"),
                                models.Value("ss"),
                                function="replace",
                            ),
                            function="btrim",
                        ),
                        models.Value("\\s+"),
                        models.Value(" "),
                        models.Value("g"),
                        function="regexp_replace",
                    ),
                    output_field=models.CharField(),
                ),
                name="cop_organisation_folded_name_unique",
                violation_error_message="Une organisation porte déjà ce nom (aux majuscules et aux accents près).",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["pending", "approved", "declined"])),
                name="cop_organisation_status_valid",
            ),
        ),
    ]
