const express = require("express");
const { requireAuth } = require("../middleware/auth");

const router = express.Router();

// ruleid: auth-express-unauthenticated-route
router.get("/", async (req, res) => {
  res.json(await Order.findAll());
});

// ruleid: rate-limit-express-route-without-limiter
router.post("/", requireAuth, async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});

// ruleid: auth-express-unauthenticated-route, rate-limit-express-route-without-limiter
router.delete("/:id", async (req, res) => {
  await Order.destroy({ where: { id: req.params.id } });
  res.sendStatus(204);
});

module.exports = router;
