import { Body, Controller, Delete, Get, Param, Post, UseGuards } from "@nestjs/common";
import { AdminGuard } from "../auth/admin.guard";

@Controller("orders")
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  // ruleid: auth-nestjs-unguarded-handler
  @Get()
  findAll() {
    return this.orders.findAll();
  }

  // ruleid: auth-nestjs-unguarded-handler
  @Post()
  create(@Body() dto: CreateOrderDto) {
    return this.orders.create(dto);
  }

  @UseGuards(AdminGuard)
  @Delete(":id")
  remove(@Param("id") id: string) {
    return this.orders.remove(id);
  }

  @Get("health")
  health() {
    return { ok: true };
  }
}
