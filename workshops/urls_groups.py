"""Working groups (/groupes/) and meetings (/reunions/); see urls.py for the namespace."""

from django.urls import path

from .views import groups, meeting_admin, meetings

urlpatterns = [
    path("groupes/", groups.group_list, name="groups"),
    path("groupes/<slug:slug>/", groups.group_detail, name="group"),
    path("groupes/<slug:slug>/rejoindre/", groups.group_join, name="group_join"),
    path("groupes/<slug:slug>/suivre/", groups.group_follow, name="group_follow"),
    path("groupes/<slug:slug>/scenario/", groups.group_scenario, name="group_scenario"),
    path("groupes/<slug:slug>/membres/", groups.group_requests, name="group_requests"),
    path(
        "groupes/<slug:slug>/membres/<int:pk>/decision/",
        groups.group_request_decide,
        name="group_request_decide",
    ),
    path("reunions/", meetings.meeting_list, name="meetings"),
    path("reunions/calendrier.ics", meetings.meetings_feed, name="meetings_feed"),
    path("reunions/nouvelle/", meeting_admin.meeting_create, name="meeting_create"),
    path("reunions/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("reunions/<int:pk>/modifier/", meeting_admin.meeting_edit, name="meeting_edit"),
    path("reunions/<int:pk>/reunion.ics", meetings.meeting_ics, name="meeting_ics"),
    path("reunions/<int:pk>/inscription/", meetings.meeting_register, name="meeting_register"),
    path("reunions/<int:pk>/desinscription/", meetings.meeting_cancel, name="meeting_cancel"),
    path(
        "reunions/<int:pk>/presences/", meeting_admin.meeting_attendance, name="meeting_attendance"
    ),
    path(
        "reunions/<int:pk>/presences.csv",
        meeting_admin.meeting_attendance_csv,
        name="meeting_attendance_csv",
    ),
    path(
        "reunions/<int:pk>/presences/<int:registration_pk>/",
        meeting_admin.meeting_attendance_mark,
        name="meeting_attendance_mark",
    ),
    path("reunions/<int:pk>/compte-rendu/", meeting_admin.meeting_minutes, name="meeting_minutes"),
    path("reunions/<int:pk>/annuler/", meeting_admin.meeting_call_off, name="meeting_call_off"),
]
