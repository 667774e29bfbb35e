from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, JsonResponse
from django.views.generic import DetailView, ListView
from rest_framework import permissions, viewsets
from rest_framework.views import APIView


# ruleid: auth-django-view-without-login
def order_detail(request, pk):
    return JsonResponse({"id": pk})


@login_required
def order_history(request):
    return JsonResponse({"orders": []})


def health(request):
    return HttpResponse("ok")


# ruleid: auth-django-view-without-login
class ProductListView(ListView):
    model = Product


class InvoiceView(LoginRequiredMixin, DetailView):
    model = Invoice


# ruleid: auth-drf-view-without-permissions
class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()


class OrderExportView(APIView):
    # ruleid: auth-drf-allow-any
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        return JsonResponse({"ok": True})


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.IsAuthenticated]
    queryset = Report.objects.all()


def sort_key(request, order):
    return order.created_for(request.user)


urlpatterns = [
    path("orders/<int:pk>/", order_detail),
    path("orders/", order_history),
    path("health/", health),
    path("products/", ProductListView.as_view()),
    path("invoices/<int:pk>/", InvoiceView.as_view()),
]
